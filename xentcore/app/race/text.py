"""Training-race page text. The data sets' titles come from :mod:`xentcore.app.race.data`, where each data set
is described once."""

from xentcore.app.race.data import DATA

TEXT = {
    **{f"race.data.{key}": info.title for key, info in DATA.items()},
    "race.intro": (
        "A feature request in TensorFlow Playground's issue tracker "
        "([#175](https://github.com/tensorflow/playground/issues/175)) asks for a cross-entropy option beside its "
        "squared error. Here three linear classifiers train side by side on **the same data**, from **the same "
        "starting function**, {rate}: logistic regression with cross-entropy, softmax regression with "
        "cross-entropy, and a linear model trained with squared error (MSE) on its probabilities (logistic "
        "regression for two classes, softmax regression for more). Press **Play** to watch the race frame by "
        "frame; the animation runs in your browser.",
        "TensorFlow Playground 的问题追踪里有一个功能请求"
        "（[#175](https://github.com/tensorflow/playground/issues/175)），希望在平方误差之外加一个交叉熵选项。"
        "这里三个线性分类器在**同一份数据**上、从**同一个初始函数**出发、{rate}并排训练："
        "用交叉熵的逻辑回归、用交叉熵的 softmax 回归，以及对概率输出用平方误差（MSE）训练的线性模型"
        "（两类时是逻辑回归，多类时是 softmax 回归）。点 **播放** 逐帧观看这场竞赛；动画在浏览器里播放。",
    ),
    "race.intro.same_lr": ("with **the same learning rate**", "用**同一个学习率**"),
    "race.intro.scaled_lr": (
        "with **the same learning rate** η, except the MSE run at η × {m}",
        "用**同一个学习率** η（MSE 那一组用 η × {m}）",
    ),
    "race.controls.data": ("Data", "数据"),
    "race.controls.training": ("Training", "训练"),
    "race.controls.regularisation": ("Regularisation", "正则化"),
    "race.controls.more": ("More options", "更多选项"),
    "race.data": ("Data set", "数据集"),
    "race.n": ("Points N", "点数 N"),
    "race.noise": ("Noise", "噪声"),
    "race.seed": ("Seed", "随机种子"),
    "race.seed.help": (
        "Seeds the data, the train/test split, the initial weights and the mini-batch order.",
        "决定数据、训练/测试划分、初始权重和小批量的顺序。",
    ),
    "race.fixed": (
        "This data set is fixed: N, noise and the seed do not change it (the seed still sets the split, "
        "the initial weights and the mini-batch order).",
        "这个数据集是固定的：N、噪声和种子都不改变它（种子仍决定数据划分、初始权重和小批量的顺序）。",
    ),
    "race.lr": ("Learning rate η", "学习率 η"),
    "race.mlr": ("MSE run's learning rate", "MSE 那一组的学习率"),
    "race.mlr.option": ("η × {m}", "η × {m}"),
    "race.mlr.help": (
        "Multiplies the learning rate of the MSE run only. Per point, squared error pushes at most half as hard "
        "as cross-entropy at the same rate, so × 2 makes up for that factor; what remains is saturation (see "
        "“Why do the runs differ?” below).",
        "只放大 MSE 那一组的学习率。在同样的学习率下，平方误差对每个点的推动最多只有交叉熵的一半，"
        "所以 × 2 正好补上这个因子；剩下的差距来自饱和（见下方“为什么三组结果不同？”）。",
    ),
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
        "Adds (λ/2)·‖W‖² to every run's loss (the biases are not penalised). Each step then multiplies the "
        "weights by (1 − ηλ) before the data pulls on them, η being the run's own learning rate: when ηλ > 2 "
        "(2(1 + μ) with momentum μ) the weights flip sign and grow every step until they overflow.",
        "给每个模型的损失加上 (λ/2)·‖W‖²（偏置不受惩罚）。每一步先把权重乘以 (1 − ηλ)，数据的梯度再起作用，"
        "其中 η 是该组自己的学习率：当 ηλ > 2（有动量 μ 时为 2(1 + μ)）时，权重每一步都会变号并变大，直到溢出。",
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
        "A header row, numeric feature columns and one label column (any text, {classes} classes at most; the "
        "last column unless you choose another). At most {rows} rows and {kb} kB.",
        "第一行是列名；特征列必须是数字，另有一个标签列（任意文字，最多 {classes} 类；默认最后一列，也可另选）。"
        "最多 {rows} 行、{kb} kB。",
    ),
    "race.csv.label": ("Label column", "标签列"),
    "race.csv.waiting": (
        "Upload a CSV file to start the race. An uploaded file cannot travel in a link: a shared link keeps the "
        "settings only, and whoever opens it uploads their own file.",
        "上传一个 CSV 文件即可开始竞赛。上传的文件无法放进链接：分享的链接只保存设置，打开链接的人需要自己上传文件。",
    ),
    "race.csv.error": ("This file cannot be used: {error}", "无法使用这个文件：{error}"),
    "race.csv.error.too_big": (
        "the file is {size:,} bytes; the limit is {limit:,}.",
        "文件有 {size:,} 字节，上限是 {limit:,}。",
    ),
    "race.csv.error.binary": (
        "this does not look like a text CSV file (it contains binary data).",
        "它看起来不是文本 CSV 文件（含有二进制数据）。",
    ),
    "race.csv.error.not_utf8": ("the file is not UTF-8 text.", "文件不是 UTF-8 编码的文本。"),
    "race.csv.error.not_csv": ("the file is not valid CSV.", "文件不是有效的 CSV。"),
    "race.csv.error.empty": ("the file is empty.", "文件是空的。"),
    "race.csv.error.few_columns": (
        "it needs at least two columns: one or more numeric features and a label column.",
        "至少需要两列：一个或多个数值特征列，加一个标签列。",
    ),
    "race.csv.error.many_columns": (
        "too many columns ({count}); the limit is {limit}.",
        "列太多（{count} 列），上限是 {limit} 列。",
    ),
    "race.csv.error.unnamed_column": (
        "every column needs a name in the first row.",
        "第一行里每一列都需要有列名。",
    ),
    "race.csv.error.duplicate_columns": (
        "the column names in the first row must be different.",
        "第一行的列名必须互不相同。",
    ),
    "race.csv.error.no_rows": (
        "the file has a header row but no data rows.",
        "文件只有列名行，没有数据行。",
    ),
    "race.csv.error.many_rows": (
        "too many rows ({count:,}); the limit is {limit:,}.",
        "行太多（{count:,} 行），上限是 {limit:,} 行。",
    ),
    "race.csv.error.ragged": (
        "line {row} has {fields} fields; the header has {columns}.",
        "第 {row} 行有 {fields} 个字段，而列名行有 {columns} 个。",
    ),
    "race.csv.error.no_column": (
        "there is no column named “{column}”; the columns are {columns}.",
        "没有名为“{column}”的列；现有的列是 {columns}。",
    ),
    "race.csv.error.not_number": (
        "column “{column}”, line {row}: “{cell}” is not a number.",
        "“{column}”列第 {row} 行：“{cell}”不是数字。",
    ),
    "race.csv.error.not_finite": (
        "column “{column}”, line {row}: missing, NaN or infinite values are not allowed.",
        "“{column}”列第 {row} 行：不允许缺失值、NaN 或无穷大。",
    ),
    "race.csv.error.empty_label": (
        "label column “{column}”, line {row} is empty.",
        "标签列“{column}”第 {row} 行是空的。",
    ),
    "race.csv.error.one_class": (
        "label column “{column}” has only one class; at least two are needed.",
        "标签列“{column}”只有一个类别，至少需要两个。",
    ),
    "race.csv.error.many_classes": (
        "label column “{column}” has {count} classes; the limit is {limit}.",
        "标签列“{column}”有 {count} 个类别，上限是 {limit} 个。",
    ),
    "race.csv.loaded": (
        "Your file: {n} rows, {d} features, classes {classes}. It stays in this browser session and is not part "
        "of the share link.",
        "你的文件：{n} 行、{d} 个特征，类别 {classes}。它只留在本次浏览器会话中，不在分享链接里。",
    ),
    "race.note.article": (
        "**Nothing to learn here.** This is the tutorial's exact data: NumPy seed 0, {n} standard-normal points, "
        "and labels drawn at random, independently of the points. Whatever the loss, test accuracy can only "
        "hover around chance (50 %); a lower training loss only means memorising noise.",
        "**这里没有规律可学**。这就是教程的原始数据：NumPy 种子 0、{n} 个标准正态分布的点，标签随机抽取、与点的位置无关。"
        "无论用什么损失，测试准确率都只能在随机水平（50%）附近徘徊；训练损失再低也只是在记住噪声。",
    ),
    "race.note.xor": (
        "**XOR is not linearly separable:** opposite quadrants share a class, and a straight line that puts two "
        "opposite quadrants on one side puts part of another there too. Whatever the loss, a linear model "
        "misclassifies many of the points (about a quarter at best, on a large sample); separating them needs a "
        "feature such as x₁·x₂ or a hidden layer.",
        "**异或数据不是线性可分的**：相对的两个象限属于同一类，而一条直线若把相对的两个象限放在同一侧，"
        "就必然把另一个象限的一部分也放进去。无论用什么损失，线性模型都会分错许多点（样本很多时，最好也要错约四分之一）；"
        "要分开它们，需要 x₁·x₂ 这样的特征或一个隐藏层。",
    ),
    "race.note.cancer": (
        "The Wisconsin breast-cancer data set bundled with scikit-learn: {n} tumours, {d} measurements each, "
        "malignant or benign. A diagnosis task like the one the tutorial mentions in general terms.",
        "scikit-learn 自带的威斯康星乳腺癌数据集：{n} 个肿瘤，每个 {d} 项测量，分为恶性与良性。"
        "这是一个诊断任务，与教程笼统提到的那类任务相似。",
    ),
    "race.note.iris": (
        "Iris (bundled with scikit-learn): {n} flowers, {d} measurements, 3 species. With three classes the "
        "logistic run is one-vs-rest (three independent sigmoids) and the MSE run uses the softmax model.",
        "鸢尾花（scikit-learn 自带）：{n} 朵花、{d} 项测量、3 个品种。三类时，逻辑回归采用一对多（三个独立的 sigmoid），"
        "MSE 那一组使用 softmax 模型。",
    ),
    "race.note.moons": (
        "The moons bend around each other: a straight boundary can get most points right, but not those where "
        "the tips interlock.",
        "两个月牙彼此环绕：一条直线边界能分对大部分点，但分不对两个月牙尖端交错处的点。",
    ),
    "race.note.overlap": (
        "The blobs overlap, so even the best line misclassifies some points of a large sample: accuracy "
        "usually tops out below 100 %.",
        "两团点互相重叠，所以样本较多时，即使最好的直线也会分错一些点：准确率通常达不到 100%。",
    ),
    "race.note.blobs": (
        "Without noise the blobs lie far apart and a straight line separates them: every run can reach 100 %; "
        "noise spreads them until they overlap. On separable data the cross-entropy keeps falling towards 0 as "
        "the weights grow without bound (unless L2 or label smoothing stops them).",
        "没有噪声时，两团点相距很远，一条直线就能把它们分开：每个模型都能达到 100%；噪声会让它们散开，直到互相重叠。"
        "数据可分时，交叉熵会随权重无限增大而不断趋近 0（除非 L2 或标签平滑阻止它）。",
    ),
    "race.projection.pca": (
        "This data has {d} features, so the panels show the plane of its first two principal components "
        "(fitted on the training set; together {share} % of the variance), through the mean. The regions are the "
        "model on that plane; a point may sit in a region it is not assigned to, because its other coordinates "
        "count too.",
        "这份数据有 {d} 个特征，所以各面板画的是训练集前两个主成分构成、经过均值的平面（两者合计解释 {share}% 的方差）。"
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
    "race.run.softmax_ce": ("Softmax + CE", "softmax 回归 + 交叉熵"),
    "race.run.mse": ("Logistic + MSE", "逻辑回归 + MSE"),
    "race.run.mse.multi": ("Softmax + MSE", "softmax 回归 + MSE"),
    "race.run.scaled": ("{run} (η × {m})", "{run}（η × {m}）"),
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
    "race.col.epochs90": ("Epochs to {target} % (train)", "训练准确率达 {target}% 的轮数"),
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
        "**{run}: the loss rose** from {start} to {end}. The learning rate is too large for this run: its "
        "steps overshoot instead of settling.",
        "**{run}：损失上升了**，从 {start} 涨到 {end}。对这一组来说学习率太大：每一步都冲过了头，无法稳定下来。",
    ),
    "race.growing.overflow": (
        "**{run} is blowing up:** its loss went from {start} to {end}. It has not overflowed yet (no NaN or "
        "infinity), so it counts as finished; with more epochs it would diverge.",
        "**{run} 正在发散**：它的损失从 {start} 涨到了 {end}。目前还没有溢出（没有出现 NaN 或无穷大），所以仍算作完成；"
        "再多训练几轮就会发散。",
    ),
    "race.diverged.why": (
        "Why: with L2, each step multiplies the weights by (1 − ηλ) before the data pulls on them, η being the "
        "run's own learning rate. Without momentum, when that factor is below −1 (ηλ > 2), the weights flip sign "
        "and grow every step until they overflow{momentum}. Without L2 a linear model cannot blow up this way: the "
        "gradient of CE or MSE is bounded, so the weights grow at most linearly and a too-large step only makes "
        "the loss oscillate.",
        "原因：有 L2 时，每一步先把权重乘以 (1 − ηλ)，数据的梯度再起作用，其中 η 是该组自己的学习率。"
        "没有动量时，当这个因子小于 −1（ηλ > 2），权重每一步都会变号并变大，直到溢出{momentum}。"
        "没有 L2 时，线性模型不会这样爆炸：交叉熵和 MSE 的梯度是有界的，权重最多线性增长，步长过大只会让损失来回振荡。",
    ),
    "race.diverged.momentum": (
        "; with momentum μ = {mu} the threshold moves to ηλ > 2(1 + μ) = {threshold}",
        "；有动量 μ = {mu} 时，这个界限变为 ηλ > 2(1 + μ) = {threshold}",
    ),
    "race.diverged.factor": (
        "For {run}: (1 − ηλ) = 1 − {lr} × {l2} = {factor}.",
        "对 {run}：(1 − ηλ) = 1 − {lr} × {l2} = {factor}。",
    ),
    "race.softmax.note": (
        "**Softmax and logistic regression with two classes.** Softmax has a weight vector per class, and only "
        "their difference matters: P(class 1) = σ(z₁ − z₀). Each step moves the two vectors by equal and opposite "
        "amounts, so their difference moves twice as far.",
        "**两类时的 softmax 与逻辑回归**。softmax 为每个类别各有一组权重，而起作用的只是两者之差："
        "P(类别 1) = σ(z₁ − z₀)。每一步两组权重的移动大小相等、方向相反，所以差值移动的距离是两倍。",
    ),
    "race.softmax.same": (
        "So softmax at learning rate η = {lr} takes {how} the steps of logistic regression at 2η = {lr2}{extras}: "
        "steps twice as long as the logistic run's. That puts it ahead while the steps are small, and makes it "
        "unstable sooner when they are large; it is not a better loss.",
        "因此，学习率 η = {lr} 的 softmax {how}走的是学习率 2η = {lr2} 的逻辑回归的步子{extras}："
        "步长是逻辑回归那一组的两倍。步长小时它因此领先，步长大时它也更早失稳；这并不是更好的损失。",
    ),
    "race.softmax.same_minimum": (
        "Both runs minimise the same objective.",
        "两组最小化的是同一个目标。",
    ),
    "race.softmax.l2": (
        "With the L2 penalty the match changes. The two weight vectors start opposite and stay opposite, so "
        "(λ/2)(‖w₀‖² + ‖w₁‖²) = (λ/4)‖w₁ − w₀‖²: softmax at (η, λ) = ({lr}, {l2}) takes {how} the steps of "
        "logistic regression at (2η, λ/2) = ({lr2}, {l2half}){extras}, not at (2η, λ) = ({lr2}, {l2}). The two "
        "runs minimise different objectives: softmax's penalty is half as strong, so it heads for a different "
        "minimum, with larger weights, and its loss (penalty included) is not comparable with the logistic run's.",
        "有 L2 惩罚时，对应关系会变。两组权重从相反出发并始终保持相反，所以 "
        "(λ/2)(‖w₀‖² + ‖w₁‖²) = (λ/4)‖w₁ − w₀‖²：(η, λ) = ({lr}, {l2}) 的 softmax {how}走的是 "
        "(2η, λ/2) = ({lr2}, {l2half}) 的逻辑回归的步子{extras}，而不是 (2η, λ) = ({lr2}, {l2}) 的。"
        "两组最小化的是不同的目标：softmax 的惩罚只有一半强，所以它奔向另一个权重更大的最小值，"
        "它的损失（含惩罚项）也不能和逻辑回归那一组直接比较。",
    ),
    "race.softmax.exactly": ("exactly", "恰好"),
    "race.softmax.nearly": ("nearly", "近似地"),
    "race.softmax.momentum": (", with the same momentum μ = {mu}", "，动量同为 μ = {mu}"),
    "race.softmax.batches": (
        ", over the same mini-batches (both runs draw them from the same seed)",
        "，小批量也相同（两组用同一个种子抽取）",
    ),
    "race.softmax.approx": (
        "Only nearly, here: with class weights and label smoothing together, the softmax loss (PyTorch's "
        "convention) weighs a point's smoothing term by every class's weight, logistic regression by the "
        "point's own class weight.",
        "这里只是近似：同时使用类别权重和标签平滑时，softmax 的损失（PyTorch 的约定）用所有类别的权重"
        "给每个点的平滑项加权，而逻辑回归只用该点自己类别的权重。",
    ),
    "race.join": ("{a} {b}", "{a}{b}"),
    "race.why": ("Why do the runs differ?", "为什么三组结果不同？"),
    "race.mse.note": (
        "**Why the MSE run lags.** Per point, cross-entropy pushes the logit with ∂CE/∂z = ŷ − t, squared error "
        "with ∂MSE/∂z = 2(ŷ − t)·ŷ(1 − ŷ): the same direction, and since ŷ(1 − ŷ) ≤ 1/4 the ratio "
        "∂CE/∂z ÷ ∂MSE/∂z = 1/(2ŷ(1 − ŷ)) is at least 2 everywhere. So at the same learning rate every point "
        "pushes the MSE run at most half as hard. On top of that comes saturation: for a point far on the wrong "
        "side ŷ(1 − ŷ) is almost 0, so the points that most need to move barely push, while cross-entropy's "
        "push ŷ − t is largest exactly there.",
        "**为什么 MSE 那一组落后**。对每个点，交叉熵对 logit 的推动是 ∂CE/∂z = ŷ − t，平方误差是 "
        "∂MSE/∂z = 2(ŷ − t)·ŷ(1 − ŷ)：方向相同，而由于 ŷ(1 − ŷ) ≤ 1/4，两者之比 "
        "∂CE/∂z ÷ ∂MSE/∂z = 1/(2ŷ(1 − ŷ)) 处处至少为 2。所以在同样的学习率下，每个点对 MSE 那一组的推动最多只有一半。"
        "此外还有饱和：对远在错误一侧的点，ŷ(1 − ŷ) 几乎为 0，于是最需要纠正的点几乎不产生推动，"
        "而交叉熵的推动 ŷ − t 恰恰在那里最大。",
    ),
    "race.mse.note.multi": (
        "**Why the MSE run lags.** Per point, cross-entropy pushes the logits with ∂CE/∂z = ŷ − t, squared error "
        "with ∂MSE/∂z = 2J(ŷ − t), where $J = \\mathrm{diag}(\\hat y) - \\hat y \\hat y^\\top$ is the softmax's "
        "Jacobian. J's eigenvalues lie "
        "between 0 and 1/2, so the MSE push is never longer than the cross-entropy push, and it fades to 0 as "
        "the probabilities saturate: for a point confidently in the wrong class, exactly where cross-entropy "
        "pushes hardest.",
        "**为什么 MSE 那一组落后**。对每个点，交叉熵对 logit 的推动是 ∂CE/∂z = ŷ − t，平方误差是 "
        "∂MSE/∂z = 2J(ŷ − t)，其中 $J = \\mathrm{diag}(\\hat y) - \\hat y \\hat y^\\top$ 是 softmax 的雅可比矩阵。J 的特征值在 0 与 1/2 之间，"
        "所以 MSE 的推动从不比交叉熵的长，而且随着概率饱和而消失：对一个被自信地判错类别的点，"
        "恰恰是交叉熵推得最用力的地方。",
    ),
    "race.mse.same_lr": (
        "Here all three runs use η = {lr}; the “MSE run's learning rate” control changes the MSE run's rate alone.",
        "这里三组都用 η = {lr}；“MSE 那一组的学习率”控件只改变 MSE 那一组的学习率。",
    ),
    "race.mse.matched_lr": (
        "Here the MSE run uses η × 2 = {mse_lr} against {lr} for the others, which makes up exactly that factor 2: "
        "each point's push on it, times its learning rate, is at most that on the logistic cross-entropy run, "
        "equal only where ŷ = 1/2. Wherever it still lags, saturation is why.",
        "这里 MSE 那一组用 η × 2 = {mse_lr}，其他两组用 {lr}，正好补上这个因子 2：每个点对它的推动乘以学习率，"
        "最多与对逻辑回归交叉熵那一组的相等，只在 ŷ = 1/2 处取等。它仍然落后的地方，原因就是饱和。",
    ),
    "race.mse.scaled_lr": (
        "Here the MSE run uses η × {m} = {mse_lr} against {lr} for the others, so each point's push on it, "
        "times its learning rate, is at most {ratio} × that on the logistic cross-entropy run (equal only where "
        "ŷ = 1/2); wherever it still lags, saturation is why.",
        "这里 MSE 那一组用 η × {m} = {mse_lr}，其他两组用 {lr}，所以每个点对它的推动乘以学习率，"
        "最多是对逻辑回归交叉熵那一组的 {ratio} 倍（只在 ŷ = 1/2 处相等）；它仍然落后的地方，原因就是饱和。",
    ),
    "race.mse.scaled_lr.multi": (
        "Here the MSE run uses η × {m} = {mse_lr} against {lr} for the others, so each point's push on it, "
        "times its learning rate, is at most {m} × that of the softmax cross-entropy run.",
        "这里 MSE 那一组用 η × {m} = {mse_lr}，其他两组用 {lr}，所以每个点对它的推动乘以学习率，"
        "最多是 softmax 交叉熵那一组的 {m} 倍。",
    ),
    "race.confusion": ("Confusion matrices ({part} set)", "混淆矩阵（{part}集）"),
    "race.confusion.test": ("test", "测试"),
    "race.confusion.train": ("training", "训练"),
    "race.confusion.caption": (
        "Rows: true class; columns: predicted class.",
        "行：真实类别；列：预测类别。",
    ),
    "race.download.history": ("Download the history (CSV)", "下载训练历史（CSV）"),
    "race.download.history.help": (
        "Every epoch of the three runs; losses in nats, as xentcore records them.",
        "三组训练的每一轮；损失以 nat 为单位，与 xentcore 的记录一致。",
    ),
    "race.download.script": ("Download as a Python script", "下载为 Python 脚本"),
    "race.script": ("Export as a Python script", "导出为 Python 脚本"),
    "race.script.caption": (
        "This script rebuilds the data, the split and the three runs with xentcore and prints the same numbers.",
        "这个脚本用 xentcore 重建数据、划分和三组训练，并输出相同的数字。",
    ),
    "race.script.caption.bits": (
        "This script rebuilds the data, the split and the three runs with xentcore and prints the same numbers, "
        "with cross-entropy in nats as xentcore records it (divide by ln 2 for bits).",
        "这个脚本用 xentcore 重建数据、划分和三组训练，并输出相同的数字；其中交叉熵以 nat 为单位，"
        "与 xentcore 的记录一致（除以 ln 2 即为 bit）。",
    ),
    "race.script.csv": (
        "Put your CSV file beside the script under the name {name}.",
        "请把你的 CSV 文件以 {name} 为名放在脚本旁边。",
    ),
}
