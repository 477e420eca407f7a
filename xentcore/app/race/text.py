"""Training-race page text."""

TEXT = {
    "race.intro": (
        "The most requested feature in TensorFlow Playground's issue tracker is a cross-entropy option beside its "
        "squared error. Here three linear classifiers train side by side on **the same data**, from **the same "
        "starting function**, with **the same learning rate**: logistic regression with cross-entropy, softmax "
        "regression with cross-entropy, and the same linear model trained with squared error (MSE) on its "
        "probabilities. Press **Play** to watch the race frame by frame; the animation runs in your browser.",
        "TensorFlow Playground 的问题追踪里呼声最高的功能，是在平方误差之外加一个交叉熵选项。"
        "这里三个线性分类器在**同一份数据**上、从**同一个初始函数**出发、用**同一个学习率**并排训练："
        "用交叉熵的逻辑回归、用交叉熵的 softmax 回归，以及对概率输出用平方误差（MSE）训练的同一个线性模型。"
        "点 **播放** 逐帧观看这场竞赛；动画在浏览器里播放。",
    ),
    "race.controls.data": ("Data", "数据"),
    "race.controls.training": ("Training", "训练"),
    "race.controls.regularisation": ("Regularisation", "正则化"),
    "race.controls.more": ("More options", "更多选项"),
    "race.data": ("Data set", "数据集"),
    "race.data.article": ("The tutorial's data (random labels)", "教程的数据（随机标签）"),
    "race.data.blobs": ("Two separated blobs", "两团分开的点"),
    "race.data.overlap": ("Two overlapping blobs", "两团重叠的点"),
    "race.data.moons": ("Two moons", "双月形"),
    "race.data.xor": ("XOR (four quadrants)", "异或（四个象限）"),
    "race.data.cancer": ("Breast cancer diagnosis (real, 30 features)", "乳腺癌诊断（真实数据，30 个特征）"),
    "race.data.iris": ("Iris flowers (real, 3 classes)", "鸢尾花（真实数据，3 类）"),
    "race.data.csv": ("Your own CSV file", "你自己的 CSV 文件"),
    "race.n": ("Points N", "点数 N"),
    "race.noise": ("Noise", "噪声"),
    "race.seed": ("Seed", "随机种子"),
    "race.seed.help": (
        "Seeds the data, the train/test split, the initial weights and the mini-batch order.",
        "决定数据、训练/测试划分、初始权重和小批量的顺序。",
    ),
    "race.fixed": (
        "This data set is fixed: N, noise and the seed do not change it (the seed still sets the split and "
        "the initial weights).",
        "这个数据集是固定的：N、噪声和种子都不改变它（种子仍决定数据划分和初始权重）。",
    ),
    "race.lr": ("Learning rate η", "学习率 η"),
    "race.ep": ("Epochs", "训练轮数"),
    "race.init": ("Initial weights", "初始权重"),
    "race.init.zeros": ("zeros", "全零"),
    "race.init.small": ("small random (sd 0.01)", "小随机数（标准差 0.01）"),
    "race.init.normal": ("standard normal (as in the tutorial)", "标准正态（同教程）"),
    "race.ls": ("Label smoothing ε", "标签平滑 ε"),
    "race.cw": ("Class weights", "类别权重"),
    "race.cw.none": ("equal", "相同"),
    "race.cw.balanced": ("balanced (n / (K·n_c))", "平衡（n / (K·n_c)）"),
    "race.l2": ("L2 penalty λ", "L2 惩罚 λ"),
    "race.l2.help": (
        "Adds (λ/2)·‖W‖² to every run's loss. Each step then shrinks the weights by the factor (1 − ηλ): when "
        "ηλ > 2 that factor is below −1 and the weights blow up.",
        "给每个模型的损失加上 (λ/2)·‖W‖²。每一步权重会乘以 (1 − ηλ)：当 ηλ > 2 时这个因子小于 −1，权重会爆炸。",
    ),
    "race.mom": ("Momentum μ", "动量 μ"),
    "race.bs": ("Batch size", "批大小"),
    "race.bs.full": ("full batch", "全批量"),
    "race.proj": ("Drawing plane (more than two features)", "绘图平面（特征多于两个时）"),
    "race.proj.pca": ("first two principal components", "前两个主成分"),
    "race.proj.features": ("two chosen features", "选两个特征"),
    "race.f1": ("Horizontal feature", "横轴特征"),
    "race.f2": ("Vertical feature", "纵轴特征"),
    "race.csv.upload": ("CSV file", "CSV 文件"),
    "race.csv.help": (
        "A header row, numeric feature columns and one label column (any text; the last column unless you "
        "choose another). At most {rows} rows and {kb} kB.",
        "第一行是列名；特征列必须是数字，另有一个标签列（任意文字；默认最后一列，也可另选）。最多 {rows} 行、{kb} kB。",
    ),
    "race.csv.label": ("Label column", "标签列"),
    "race.csv.waiting": (
        "Upload a CSV file to start the race. An uploaded file cannot travel in a link: a shared link keeps the "
        "settings only, and whoever opens it uploads their own file.",
        "上传一个 CSV 文件即可开始竞赛。上传的文件无法放进链接：分享的链接只保存设置，打开链接的人需要自己上传文件。",
    ),
    "race.csv.error": ("This file cannot be used: {error}", "无法使用这个文件：{error}"),
    "race.csv.loaded": (
        "Your file: {n} rows, {d} features, classes {classes}. It stays in this browser session and is not part "
        "of the share link.",
        "你的文件：{n} 行、{d} 个特征，类别 {classes}。它只留在本次浏览器会话中，不在分享链接里。",
    ),
    "race.note.article": (
        "**Nothing to learn here.** This is the tutorial's exact data: NumPy seed 0, 100 standard-normal points, "
        "and labels drawn at random, independently of the points. Whatever the loss, test accuracy can only "
        "hover around chance (50 %); a lower training loss only means memorising noise.",
        "**这里没有规律可学**。这就是教程的原始数据：NumPy 种子 0、100 个标准正态分布的点，标签随机抽取、与点的位置无关。"
        "无论用什么损失，测试准确率都只能在随机水平（50%）附近徘徊；训练损失再低也只是在记住噪声。",
    ),
    "race.note.xor": (
        "**No linear model can separate XOR:** opposite quadrants share a class, and any straight line leaves at "
        "least one quadrant on the wrong side. All three runs plateau well below 100 %, whatever the loss; "
        "separating it needs a feature such as x₁·x₂ or a hidden layer.",
        "**任何线性模型都无法分开异或数据**：相对的两个象限属于同一类，任何一条直线都至少把一个象限分错。"
        "无论用什么损失，三个模型的准确率都会停在远低于 100% 的地方；要分开它，需要 x₁·x₂ 这样的特征或一个隐藏层。",
    ),
    "race.note.cancer": (
        "Wisconsin breast cancer (bundled with scikit-learn): 569 tumours, 30 measurements each, malignant or "
        "benign. The real disease-diagnosis task the tutorial alludes to.",
        "威斯康星乳腺癌数据（scikit-learn 自带）：569 个肿瘤，每个 30 项测量，分为恶性与良性。"
        "这正是教程提到的那类真实疾病诊断任务。",
    ),
    "race.note.iris": (
        "Iris (bundled with scikit-learn): 150 flowers, 4 measurements, 3 species. With three classes the "
        "logistic run is one-vs-rest (three independent sigmoids) and the MSE run uses the softmax model.",
        "鸢尾花（scikit-learn 自带）：150 朵花、4 项测量、3 个品种。三类时，逻辑回归采用一对多（三个独立的 sigmoid），"
        "MSE 那一组使用 softmax 模型。",
    ),
    "race.note.moons": (
        "The moons bend around each other: a straight boundary gets most points right, never all.",
        "两个月牙彼此环绕：一条直线边界能分对大部分点，但永远分不全。",
    ),
    "race.note.overlap": (
        "The blobs overlap, so even the best line misclassifies some points: accuracy tops out below 100 %.",
        "两团点互相重叠，所以即使最好的直线也会分错一些点：准确率达不到 100%。",
    ),
    "race.note.blobs": (
        "The blobs are separable: every run can reach 100 %. With separable data the cross-entropy keeps "
        "falling towards 0 as the weights grow without bound (unless L2 or label smoothing stops them).",
        "两团点可以被分开：每个模型都能达到 100%。数据可分时，交叉熵会随权重无限增大而不断趋近 0"
        "（除非 L2 或标签平滑阻止它）。",
    ),
    "race.projection.pca": (
        "This data has {d} features, so the panels show the plane of its first two principal components "
        "(fitted on the training set; together {share} of the variance), through the mean. The regions are the "
        "model on that plane; a point may sit in a region it is not assigned to, because its other coordinates "
        "count too.",
        "这份数据有 {d} 个特征，所以各面板画的是训练集前两个主成分构成、经过均值的平面（两者合计解释 {share} 的方差）。"
        "区域表示模型在这个平面上的判断；某个点可能落在与它的预测不同的区域里，因为它在其他方向上的坐标也起作用。",
    ),
    "race.projection.features": (
        "This data has {d} features; the panels show the plane of **{a}** and **{b}**, with every other feature "
        "held at its mean. A point may sit in a region it is not assigned to, because its other features count too.",
        "这份数据有 {d} 个特征；各面板画的是 **{a}** 与 **{b}** 构成的平面，其他特征都固定在均值。"
        "某个点可能落在与它的预测不同的区域里，因为它的其他特征也起作用。",
    ),
    "race.figure.caption": (
        "Colour strips: the model's probability of class {c1}, in bands 0–10 %, 10–30 %, 30–50 %, 50–70 %, "
        "70–90 %, 90–100 %; the dark line is the 50 % boundary. Filled dots: training points; rings: test points.",
        "色带表示模型判为类别 {c1} 的概率，分段为 0–10%、10–30%、30–50%、50–70%、70–90%、90–100%；"
        "深色直线是 50% 的决策边界。实心点为训练点，空心圆为测试点。",
    ),
    "race.figure.caption.multi": (
        "Each colour is the region the model assigns to that class (largest logit). Filled dots: training points; "
        "rings: test points.",
        "每种颜色是模型判给该类的区域（logit 最大者）。实心点为训练点，空心圆为测试点。",
    ),
    "race.run.logistic_ce": ("Logistic + CE", "逻辑回归 + 交叉熵"),
    "race.run.logistic_ce.multi": ("Logistic (one-vs-rest) + CE", "逻辑回归（一对多）+ 交叉熵"),
    "race.run.softmax_ce": ("Softmax + CE", "Softmax + 交叉熵"),
    "race.run.mse": ("Same model + MSE", "同一模型 + MSE"),
    "race.fig.loss": ("loss", "损失"),
    "race.fig.accuracy": ("training accuracy", "训练准确率"),
    "race.fig.epoch": ("epoch", "轮次"),
    "race.fig.play": ("Play", "播放"),
    "race.fig.pause": ("Pause", "暂停"),
    "race.fig.restart": ("Restart", "重新开始"),
    "race.fig.status": ("epoch {epoch} · loss {loss} · {accuracy}", "第 {epoch} 轮 · 损失 {loss} · {accuracy}"),
    "race.fig.diverged": ("diverged at epoch {epoch}", "在第 {epoch} 轮发散"),
    "race.fig.train": ("{name} (train)", "{name}（训练）"),
    "race.fig.test": ("{name} (test)", "{name}（测试）"),
    "race.results": ("Results", "结果"),
    "race.col.run": ("Run", "模型"),
    "race.col.loss": ("Final loss", "最终损失"),
    "race.col.train": ("Train accuracy", "训练准确率"),
    "race.col.test": ("Test accuracy", "测试准确率"),
    "race.col.epochs90": ("Epochs to 90 % (train)", "训练准确率达 90% 的轮数"),
    "race.col.status": ("Status", "状态"),
    "race.status.done": ("finished", "完成"),
    "race.status.diverged": ("diverged at epoch {epoch}", "在第 {epoch} 轮发散"),
    "race.never": ("never", "未达到"),
    "race.loss.caption": (
        "Loss is what each run minimises, penalty included: cross-entropy in {unit}, squared error (no unit) for "
        "the MSE run, so compare each run's curve with itself, not the heights across runs. Accuracy: {train} "
        "training and {test} test points.",
        "损失是各模型实际最小化的量（含惩罚项）：交叉熵以 {unit} 为单位，MSE 那一组是平方误差（无单位），"
        "所以请看每条曲线自身的变化，不要比较不同模型的高度。准确率基于 {train} 个训练点和 {test} 个测试点。",
    ),
    "race.diverged": (
        "**{run} diverged at epoch {epoch}:** its weights, loss or gradient became infinite or NaN, so that run "
        "stopped; the others went on.",
        "**{run} 在第 {epoch} 轮发散**：它的权重、损失或梯度变成了无穷大或 NaN，因此这一组停止了；其他组继续训练。",
    ),
    "race.growing": (
        "**{run} is blowing up:** its loss went from {start} to {end}. It has not overflowed yet (no NaN or "
        "infinity), so it counts as finished; with more epochs it would diverge.",
        "**{run} 正在发散**：它的损失从 {start} 涨到了 {end}。目前还没有溢出（没有出现 NaN 或无穷大），所以仍算作完成；"
        "再多训练几轮就会发散。",
    ),
    "race.diverged.why": (
        "Why: with L2, each step multiplies the weights by (1 − ηλ) = {factor} before the data pulls on them. "
        "When that factor is below −1 (ηλ > 2{momentum}), the weights flip sign and grow every step until they "
        "overflow. Without L2 a linear model cannot blow up this way: the gradient of CE or MSE is bounded, so the "
        "weights grow at most linearly and a too-large step only makes the loss oscillate.",
        "原因：有 L2 时，每一步先把权重乘以 (1 − ηλ) = {factor}，数据的梯度再起作用。"
        "当这个因子小于 −1（ηλ > 2{momentum}）时，权重每一步都会变号并变大，直到溢出。"
        "没有 L2 时，线性模型不会这样爆炸：交叉熵和 MSE 的梯度是有界的，权重最多线性增长，步长过大只会让损失来回振荡。",
    ),
    "race.diverged.momentum": (" (1 + μ) with momentum", "·(1 + μ)（有动量时）"),
    "race.softmax.note": (
        "Why softmax often wins with two classes: it has a weight vector per class, and only their difference "
        "matters; each step moves both, so the difference moves twice as far. With two classes, softmax at "
        "learning rate η is exactly logistic regression at 2η: a faster start, not a better loss.",
        "为什么两类时 softmax 常常领先：它为每个类别各有一组权重，而起作用的只是两者之差；每一步两组权重都会移动，"
        "所以差值移动的距离是两倍。两类时，学习率为 η 的 softmax 恰好等于学习率为 2η 的逻辑回归：起步更快，而不是损失更好。",
    ),
    "race.why": ("Why do the runs differ?", "为什么三组结果不同？"),
    "race.mse.note": (
        "Why MSE lags when the start is confidently wrong: its gradient carries the factor σ′(z) = σ(z)(1 − σ(z)), "
        "which is almost 0 for a point far on the wrong side, so the points that most need to move barely push. "
        "Cross-entropy's gradient is σ(z) − y: largest exactly there.",
        "为什么初始预测“自信地错”时 MSE 落后：它的梯度带有因子 σ′(z) = σ(z)(1 − σ(z))，"
        "对远在错误一侧的点几乎为 0，于是最需要纠正的点几乎不产生推动。交叉熵的梯度是 σ(z) − y，恰恰在那里最大。",
    ),
    "race.confusion": ("Confusion matrices ({part} set)", "混淆矩阵（{part}集）"),
    "race.confusion.test": ("test", "测试"),
    "race.confusion.train": ("training", "训练"),
    "race.confusion.caption": (
        "Rows: true class; columns: predicted class.",
        "行：真实类别；列：预测类别。",
    ),
    "race.download.history": ("Download the history (CSV)", "下载训练历史（CSV）"),
    "race.download.script": ("Download as a Python script", "下载为 Python 脚本"),
    "race.script": ("Export as a Python script", "导出为 Python 脚本"),
    "race.script.caption": (
        "This script rebuilds the data, the split and the three runs with xentcore and prints the same numbers.",
        "这个脚本用 xentcore 重建数据、划分和三组训练，并输出相同的数字。",
    ),
    "race.script.csv": (
        "Put your CSV file beside the script under the name {name}.",
        "请把你的 CSV 文件以 {name} 为名放在脚本旁边。",
    ),
}
