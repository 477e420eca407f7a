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
    "race.note.article.thinned": (
        "**Nothing to learn here.** This is the tutorial's exact data: NumPy seed 0, {n} standard-normal points, "
        "and labels drawn at random, independently of the points; here the smaller class is thinned (see below). "
        "Whatever the loss, the best a model can expect on new points is to predict the larger class, right for "
        "{majority} of the points left; a lower training loss only means memorising noise.",
        "**这里没有规律可学**。这就是教程的原始数据：NumPy 种子 0、{n} 个标准正态分布的点，标签随机抽取、与点的位置无关；"
        "这里较小的一类被抽稀了（见下文）。无论用什么损失，模型在新点上能期望的最好结果就是预测较大的那一类，"
        "在剩下的点中它占 {majority}；训练损失再低也只是在记住噪声。",
    ),
    "race.note.xor.thinned": (
        "**XOR is not linearly separable:** opposite quadrants share a class, and a straight line that puts two "
        "opposite quadrants on one side puts part of another there too; separating them needs a feature such as "
        "x₁·x₂ or a hidden layer. Here the smaller class is thinned (see below), so the larger one makes up "
        "{majority} of the points: compare the balanced accuracy, not only the accuracy.",
        "**异或数据不是线性可分的**：相对的两个象限属于同一类，而一条直线若把相对的两个象限放在同一侧，"
        "就必然把另一个象限的一部分也放进去；要分开它们，需要 x₁·x₂ 这样的特征或一个隐藏层。"
        "这里较小的一类被抽稀了（见下文），较大的一类占 {majority}：请比较平衡准确率，而不只是准确率。",
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
    # three short lines: the strip must fit a third of a phone's width
    "race.fig.status": (
        "epoch {epoch}<br>loss {loss}<br>accuracy {accuracy}",
        "第 {epoch} 轮<br>损失 {loss}<br>准确率 {accuracy}",
    ),
    "race.fig.diverged": ("diverged<br>at epoch {epoch}", "在第 {epoch} 轮<br>发散"),
    "race.fig.train": ("{name} (train)", "{name}（训练）"),
    "race.fig.test": ("{name} (test)", "{name}（测试）"),
    "race.results": ("Results", "结果"),
    "race.alt.figure": (
        "The race plays when you press Play and ends at epoch {epochs}: three panels of decision regions over the "
        "data, with loss and training-accuracy curves below. {lead} At the end: {lanes}.",
        "按“播放”后动画开始，到第 {epochs} 轮结束：上面三个面板是数据上的决策区域，下面是损失与训练准确率曲线。"
        "{lead}最终：{lanes}。",
    ),
    "race.alt.first": (
        "{run} reaches {target} % training accuracy first, at epoch {epochs}.",
        "{run}最先达到 {target}% 的训练准确率，在第 {epochs} 轮。",
    ),
    "race.alt.tie": (
        "Several lanes reach {target} % training accuracy together at epoch {epochs}, {run} among them.",
        "有几条赛道同在第 {epochs} 轮达到 {target}% 的训练准确率，{run}是其中之一。",
    ),
    "race.alt.none": (
        "No lane reaches {target} % training accuracy within the epochs.",
        "在设定的轮数内没有一条赛道达到 {target}% 的训练准确率。",
    ),
    "race.alt.lane": ("{run}, loss {loss}, training accuracy {accuracy}", "{run}，损失 {loss}，训练准确率 {accuracy}"),
    "race.alt.lane.diverged": ("{run}, diverged at epoch {epoch}", "{run}，在第 {epoch} 轮发散"),
    "race.alt.sep": ("; ", "；"),
    "race.frame.alt": (
        "Epoch {epoch} of {last}, one still frame of the race: the three panels' decision regions over the data, with "
        "the loss and training-accuracy curves up to this epoch. {lead} At this epoch: {lanes}.",
        "第 {epoch} 轮（共 {last} 轮），比赛的一帧静止画面：三个面板是数据上的决策区域，下面是到这一轮为止的损失与训练准确率"
        "曲线。{lead}这一轮：{lanes}。",
    ),
    "race.frame.lead": (
        "{run} classifies the most training points correctly ({accuracy}).",
        "{run}分对的训练点最多（{accuracy}）。",
    ),
    "race.frame.tie": (
        "{runs} classify the same share of the training points correctly, the most ({accuracy}).",
        "{runs}分对的训练点一样多，都是最多（{accuracy}）。",
    ),
    "race.frame.even": (
        "Every lane classifies the same share of the training points correctly ({accuracy}).",
        "每条赛道分对的训练点一样多（{accuracy}）。",
    ),
    "race.frame.none": ("Every lane has diverged.", "所有赛道都已发散。"),
    "race.frame.and": (" and ", "和"),
    "race.frame.comma": (", ", "、"),
    "race.frames": ("Step frame by frame", "逐帧查看"),
    "race.frames.help": (
        "A still picture of one epoch of the race. Move it with the slider (its arrow keys step one frame) or the "
        "buttons.",
        "比赛某一轮的静止画面。用滑块（方向键每次走一帧）或按钮移动。",
    ),
    "race.frames.still": (
        "Reduced motion is on: step through the race one frame at a time (the slider's arrow keys or the buttons).",
        "已开启减少动态效果：一帧一帧地查看比赛（用滑块的方向键或按钮）。",
    ),
    "race.at": ("Epoch shown", "显示的轮次"),
    "race.at.prev": ("Previous frame", "上一帧"),
    "race.at.next": ("Next frame", "下一帧"),
    "race.controls.title": ("Set up the race", "设置比赛"),
    "race.alt.calibration": (
        "Reliability diagrams of the three lanes on the {part} set: accuracy against confidence, with the diagonal "
        "of perfect calibration. {lanes}.",
        "三条赛道在{part}集上的可靠性图：准确率对置信度，对角线表示完美校准。{lanes}。",
    ),
    "race.alt.cal.lane": ("{run}: ECE {ece} at T = {T}", "{run}：T = {T} 时 ECE 为 {ece}"),
    "race.quiz.first": (
        "Which lane reaches {target} % training accuracy first?",
        "哪条赛道最先达到 {target}% 的训练准确率？",
    ),
    "race.quiz.first.none": ("None, within the epochs", "在设定的轮数内都达不到"),
    "race.quiz.first.why": (
        "{run} gets there in the fewest epochs: {n}.",
        "{run}用的轮数最少：{n} 轮。",
    ),
    "race.quiz.first.why.tie": (
        "Several lanes get there at epoch {n}; the first of them in page order, {run}, counts.",
        "有几条赛道同在第 {n} 轮达到；按页面顺序取其中第一条，即{run}。",
    ),
    "race.quiz.first.why.none": (
        "No lane reaches {target} % training accuracy within the {epochs} epochs.",
        "在 {epochs} 轮内没有一条赛道达到 {target}% 的训练准确率。",
    ),
    "race.quiz.first.lane": ("{run}: {epochs}", "{run}：{epochs}"),
    "race.quiz.first.epochs": ("Epochs to the target: {lanes}.", "达到目标的轮数：{lanes}。"),
    "race.sep": ("; ", "；"),
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
    # --- imbalance ---------------------------------------------------------------------------------------------
    "race.minor": ("Smallest class's share", "最小类别的占比"),
    "race.minor.none": ("as it is", "保持原样"),
    "race.minor.option": ("at most {share}", "至多 {share}"),
    "race.minor.help": (
        "Thins the smallest class (the last one on a tie) by dropping randomly chosen points of it, the seed "
        "deciding which, until it makes up at most this share of the data; every other point stays. “As it is” "
        "changes nothing: the smallest of two or more classes never holds more than half the points.",
        "随机去掉最小类别（并列时取最后一类）的一部分点（由种子决定去掉哪些），直到它在数据中的占比不超过这个值；"
        "其他点全部保留。“保持原样”不做任何改变：两类或更多类中最小的一类，占比从不超过一半。",
    ),
    "race.minor.note": (
        "**Imbalanced:** class {name} keeps {kept} of its {total} points, {share} of the {n} points left (asked: "
        "at most {target}); the seed chooses which points stay.",
        "**类别不平衡**：类别 {name} 保留了它 {total} 个点中的 {kept} 个，占剩下 {n} 个点的 {share}"
        "（设定：至多 {target}）；保留哪些点由种子决定。",
    ),
    "race.minor.unchanged": (
        "Class {name}, the smallest, already makes up {share} of the points, no more than {target}: nothing was "
        "dropped.",
        "最小的类别 {name} 本来就只占 {share}，不超过 {target}：没有去掉任何点。",
    ),
    "race.minor.floor": (
        "Class {name}, the smallest, keeps its only point: one point of every class always stays, so it makes up "
        "{share} of the points (asked: at most {target}).",
        "最小的类别 {name} 保留了它唯一的点：每一类至少保留一个点，所以它占 {share}（设定：至多 {target}）。",
    ),
    # --- the lanes' losses ------------------------------------------------------------------------------------
    "race.controls.lanes": ("Losses of the three lanes", "三组的损失函数"),
    "race.lane1": ("Lane 1: logistic regression", "第 1 组：逻辑回归"),
    "race.lane2": ("Lane 2: softmax regression", "第 2 组：softmax 回归"),
    "race.lane3": (
        "Lane 3: logistic regression (two classes) or softmax (more)",
        "第 3 组：逻辑回归（两类）或 softmax 回归（多类）",
    ),
    "race.lane.ce": ("cross-entropy", "交叉熵"),
    "race.lane.mse": ("squared error (MSE)", "平方误差（MSE）"),
    "race.lane.focal": ("focal loss", "焦点损失"),
    "race.lane.smooth": ("label-smoothed cross-entropy", "标签平滑交叉熵"),
    "race.lane.weighted": ("class-weighted cross-entropy", "类别加权交叉熵"),
    "race.lane.adjusted": ("logit-adjusted cross-entropy", "logit 调整交叉熵"),
    "race.gamma": ("Focal loss γ", "焦点损失 γ"),
    "race.tau": ("Logit adjustment τ", "logit 调整 τ"),
    "race.lanes.caption": (
        "Every lane uses the settings above, with three exceptions: focal loss takes no label smoothing; the "
        "label-smoothed lane uses ε = 0.1, or the label smoothing above when that is larger; the class-weighted "
        "lane uses balanced weights n / (K·n_c) whatever the class-weight setting. The MSE learning-rate multiplier "
        "applies to every MSE lane.",
        "每一组都使用上面的设置，只有三处例外：焦点损失不用标签平滑；标签平滑那一组用 ε = 0.1，"
        "若上面设置的标签平滑更大则用它；类别加权那一组无论类别权重如何设置，都用平衡权重 n / (K·n_c)。"
        "MSE 学习率的倍数作用于每一个 MSE 组。",
    ),
    "race.model.logistic": ("Logistic", "逻辑回归"),
    "race.model.ovr": ("Logistic (one-vs-rest)", "逻辑回归（一对多）"),
    "race.model.softmax": ("Softmax", "softmax 回归"),
    "race.loss.ce": ("CE", "交叉熵"),
    "race.loss.mse": ("MSE", "MSE"),
    "race.loss.focal": ("focal (γ = {gamma})", "焦点损失（γ = {gamma}）"),
    "race.loss.smooth": ("smoothed CE (ε = {eps})", "平滑交叉熵（ε = {eps}）"),
    "race.loss.weighted": ("weighted CE", "加权交叉熵"),
    "race.loss.adjusted": ("logit-adjusted CE (τ = {tau})", "logit 调整交叉熵（τ = {tau}）"),
    "race.run.lane": ("{model} + {loss}", "{model} + {loss}"),
    "race.intro.lanes": (
        "Three linear classifiers train side by side on **the same data**, from **the same starting function**, "
        "{rate}: logistic regression with {loss1}, softmax regression with {loss2}, and, in the third lane, logistic "
        "regression for two classes or softmax regression for more, with {loss3}. Each lane's loss is chosen under "
        "“Losses of the three lanes”. Press **Play** to watch the race frame by frame; the animation runs in your "
        "browser.",
        "三个线性分类器在**同一份数据**上、从**同一个初始函数**出发、{rate}并排训练：用{loss1}的逻辑回归、"
        "用{loss2}的 softmax 回归，以及第三组里用{loss3}的模型（两类时是逻辑回归，多类时是 softmax 回归）。"
        "每一组的损失在“三组的损失函数”里选择。点 **播放** 逐帧观看这场竞赛；动画在浏览器里播放。",
    ),
    "race.intro.scaled_lr.lanes": (
        "with **the same learning rate** η, except the MSE lanes at η × {m}",
        "用**同一个学习率** η（MSE 组用 η × {m}）",
    ),
    "race.loss.caption.lanes": (
        "Loss is what each run minimises, penalty included: squared error (MSE) has no unit; every other loss here "
        "is a cross-entropy, plain, smoothed, weighted, shifted or focal, in {unit}. Different losses have different "
        "scales, so compare each run's curve with itself, not the heights across runs. Accuracy: {train} training "
        "and {test} test points.",
        "损失是各模型实际最小化的量（含惩罚项）：平方误差（MSE）没有单位；这里其他的损失都是某种交叉熵"
        "（普通、平滑、加权、平移或焦点形式），以 {unit} 为单位。不同损失的尺度不同，所以请看每条曲线自身的变化，"
        "不要比较不同模型的高度。准确率基于 {train} 个训练点和 {test} 个测试点。",
    ),
    "race.col.balanced": ("Balanced accuracy", "平衡准确率"),
    "race.col.recall": ("Recall: {name}", "召回率：{name}"),
    "race.metrics.caption": (
        "Balanced accuracy and recall on the {part} set. A class's recall is the share of its points the run "
        "labels correctly; balanced accuracy is the mean recall over the classes, so every class counts the same "
        "however few points it has, unlike in accuracy.",
        "平衡准确率与召回率基于{part}集。某一类的召回率是该类的点中被判对的比例；平衡准确率是各类召回率的平均，"
        "所以无论一类有多少点，它都同样重要，这一点与准确率不同。",
    ),
    "race.why.focal": (
        "**Focal loss** (Lin et al. 2017) multiplies each point's cross-entropy by (1 − p)^γ, p being the "
        "probability the model gives the point's class (for each sigmoid output, the probability of its own 0/1 "
        "target); here γ = {gamma}. A point already predicted with p = 0.9 "
        "keeps {keep90} of its cross-entropy, one at p = 0.5 keeps {keep50}: in training, the points the model "
        "already predicts well weigh less than those it gets wrong or barely right.{ls}",
        "**焦点损失**（Lin 等，2017）把每个点的交叉熵乘以 (1 − p)^γ，其中 p 是模型给该点所属类别的概率"
        "（对每个 sigmoid 输出，是它自己的 0/1 目标的概率）；"
        "这里 γ = {gamma}。已经以 p = 0.9 预测对的点只保留交叉熵的 {keep90}，p = 0.5 的点保留 {keep50}："
        "训练时，模型已经预测得好的点，比判错或勉强判对的点分量更轻。{ls}",
    ),
    "race.why.focal.ls": (
        " The label smoothing ε = {eps} set above does not apply to it.",
        "上面设置的标签平滑 ε = {eps} 对它不起作用。",
    ),
    "race.why.smooth": (
        "**Label smoothing** trains towards softened targets, (1 − ε)·one-hot + ε/K for softmax and 1 − ε/2 "
        "instead of 1 for a sigmoid output, with ε = {eps} here (0.1, or the label smoothing set above when that "
        "is larger). The loss is then lowest when a softmax model gives a point's class {top} (K = {k}) and a sigmoid "
        "output gives {sig}, not certainty: it cannot reach 0, and confident predictions are pulled back.",
        "**标签平滑**让模型朝着软化的目标训练：softmax 的目标是 (1 − ε)·独热 + ε/K，sigmoid 输出的目标是 "
        "1 − ε/2 而不是 1；这里 ε = {eps}（取 0.1，若上面设置的标签平滑更大则取它）。于是当 softmax 模型给一个点所属类别"
        "的概率是 {top}（K = {k}）、sigmoid 输出是 {sig} 时损失最低，而不是确定无疑时：损失到不了 0，过于自信的预测会被拉回来。",
    ),
    "race.why.weighted": (
        "**Class weights** make each point count w_c = n / (K·n_c) in the mean, from this training set's counts: "
        "{weights}. The smaller a class, the more each of its points counts, so every class as a whole weighs the "
        "same in the loss.",
        "**类别权重**让每个点在平均中按 w_c = n / (K·n_c) 计数，由这个训练集的计数算出：{weights}。"
        "一类越小，它的每个点分量越重，所以每一类作为整体在损失中分量相同。",
    ),
    "race.why.adjusted": (
        "**Logit adjustment** (Menon et al. 2021) trains on z + τ·log π instead of the logits z, with π the "
        "training set's class frequencies ({prior}) and τ = {tau}, then predicts from z alone; for logistic "
        "regression each sigmoid's logit gets τ·log(π_c / (1 − π_c)). The shift raises the common classes' scores "
        "during training, so at the optimum (where one exists) z is cross-entropy's minus τ·log π: it favours the "
        "rare classes more, "
        "aiming at a low balanced error (the mean of the per-class error rates) rather than a low overall error.",
        "**logit 调整**（Menon 等，2021）用 z + τ·log π 代替 logit z 来训练，其中 π 是训练集各类的频率（{prior}），"
        "τ = {tau}；预测时只用 z。对逻辑回归，每个 sigmoid 的 logit 加上 τ·log(π_c / (1 − π_c))。"
        "训练时这个平移抬高了常见类别的分数，所以在最优点（若存在），z 等于交叉熵的最优 z 减去 τ·log π：它更偏向少见的类别，"
        "目标是较低的平衡错误率（各类错误率的平均），而不是较低的总错误率。",
    ),
    # --- calibration -------------------------------------------------------------------------------------------
    "race.cal.title": ("Calibration: can the probabilities be trusted?", "校准：这些概率可信吗？"),
    "race.cal.temp": ("Temperature T", "温度 T"),
    "race.cal.temp.help": (
        "Divides every run's scores by T before the softmax; nothing is retrained.",
        "把每一组的分数除以 T 再做 softmax；不会重新训练。",
    ),
    "race.cal.fitT": ("Fit T per run on its training set", "在训练集上为每一组拟合 T"),
    "race.cal.intro": (
        "Each panel sorts the {n} {part} points by the run's confidence, the largest of its predicted "
        "probabilities, into {bins} equal bins, and plots how often the predicted class was right against the mean "
        "confidence: one dot per non-empty bin, sized by its number of points. A calibrated model's dots lie on the "
        "diagonal: of the points it gives 80 %, 80 % are right. ECE, the expected calibration error, is the dots' "
        "mean distance from the diagonal, weighted by their points.",
        "每个面板把 {n} 个{part}点按模型的置信度（预测概率中最大的那个）分进 {bins} 个等宽区间，"
        "画出每个区间里预测类别判对的比例与平均置信度：每个非空区间一个点，大小表示点数。"
        "校准良好的模型，点都落在对角线上：给出 80% 的那些点里，恰有 80% 判对。"
        "ECE（期望校准误差）是这些点到对角线的平均距离，按点数加权。",
    ),
    "race.cal.noise": (
        "With {n} points, sampling noise alone can give even a perfectly calibrated model a positive ECE: with these "
        "bins' counts, on average at most {bound} (Σ √n_b / 2N, the largest of the three runs), so ECE differences "
        "smaller than that are weak evidence.",
        "只有 {n} 个点时，仅抽样噪声就可能让一个完全校准的模型也有正的 ECE：按这些区间的点数，平均至多 {bound}"
        "（Σ √n_b / 2N，三组中的最大值），所以比这更小的 ECE 差别说明不了多少。",
    ),
    "race.cal.proper": (
        "The log loss and the Brier score (the mean squared error of the predicted probabilities{how}) are proper "
        "scoring rules: if the labels really follow a distribution q, reporting q scores best on average, so neither "
        "overconfidence nor hedging pays. ECE is not: predicting the {part} set's class frequencies for every point "
        "scores an ECE of {ece0} on it while telling no two points apart (log loss {ll0} {unit}).",
        "对数损失与 Brier 分数（{how}预测概率的均方误差）都是恰当评分规则：如果标签真的服从分布 q，"
        "那么报告 q 的平均得分最好，所以过于自信和含糊其辞都不划算。ECE 不是：对每个点都预测{part}集的类别频率，"
        "在这个集合上的 ECE 是 {ece0}，却完全不区分任何两个点（对数损失 {ll0} {unit}）。",
    ),
    "race.cal.brier.binary": (" of class {c1}", "对类别 {c1} 的"),
    "race.cal.brier.multi": (", summed over the K classes", "在 K 个类别上求和的"),
    "race.cal.likelihood.bits": (
        "Cross-entropy on the training labels is their average negative log-likelihood, so 2^(−N·loss), with the "
        "loss in bits, is the probability a run gave, all at once, to the N = {n} training labels it saw "
        "(e^(−N·loss) with the loss in nats). As N grows it quickly becomes too small to write out, so the table "
        "shows it as a power of 2.",
        "训练标签上的交叉熵就是它们的平均负对数似然，所以 2^(−N·损失)（损失以 bit 为单位）就是一个模型同时给它见过的 "
        "N = {n} 个训练标签的概率（损失以 nat 为单位时是 e^(−N·损失)）。N 一大，这个数很快就小得写不出来，"
        "所以表里把它写成 2 的幂。",
    ),
    "race.cal.likelihood.nats": (
        "Cross-entropy on the training labels is their average negative log-likelihood, so e^(−N·loss), with the "
        "loss in nats, is the probability a run gave, all at once, to the N = {n} training labels it saw. As N grows "
        "it quickly becomes too small to write out, so the table shows it as a power of 10: 10^(−N·loss / ln 10).",
        "训练标签上的交叉熵就是它们的平均负对数似然，所以 e^(−N·损失)（损失以 nat 为单位）就是一个模型同时给它见过的 "
        "N = {n} 个训练标签的概率。N 一大，这个数很快就小得写不出来，所以表里把它写成 10 的幂：10^(−N·损失 / ln 10)。",
    ),
    "race.cal.likelihood.exact": (
        "For {run}, trained with plain cross-entropy (no smoothing, weights or penalty), the training log loss is "
        "exactly its final loss in the results table, {loss}.",
        "对 {run}，它用的是普通交叉熵（没有平滑、权重或惩罚），训练集上的对数损失恰好就是结果表里的最终损失 {loss}。",
    ),
    "race.cal.brier_mse": (
        "{run}'s final training loss, {loss}, is exactly the Brier score of its training predictions: squared error "
        "on probabilities is the Brier score.",
        "{run} 的最终训练损失 {loss} 恰好就是它在训练集上预测的 Brier 分数：概率上的平方误差就是 Brier 分数。",
    ),
    "race.cal.temperature": (
        "Temperature scaling divides a run's scores by T before the softmax (for the one-vs-rest model, its "
        "log-probabilities): T > 1 softens the predictions, T < 1 sharpens them, and the predicted class, hence the "
        "accuracy, stays the same.",
        "温度缩放先把模型的分数除以 T 再做 softmax（一对多模型用它的对数概率）：T > 1 让预测变软，T < 1 让预测变锐，"
        "而预测的类别不变，所以准确率也不变。",
    ),
    "race.cal.move": (
        "Move T, or fit it, to see the diagram, ECE and log loss change.",
        "移动 T 或拟合它，就能看到可靠性图、ECE 和对数损失如何变化。",
    ),
    "race.cal.at": ("At T = {T}, on the {part} set: {changes}.", "T = {T} 时，在{part}集上：{changes}。"),
    "race.cal.change": (
        "{run}: ECE {a} → {b}, log loss {c} → {d} {unit}",
        "{run}：ECE {a} → {b}，对数损失 {c} → {d} {unit}",
    ),
    "race.cal.change.next": (
        "; {run}: ECE {a} → {b}, log loss {c} → {d} {unit}",
        "；{run}：ECE {a} → {b}，对数损失 {c} → {d} {unit}",
    ),
    "race.cal.fit": (
        "Here each run's T minimises the log loss of its own training set (the page keeps no separate validation "
        "set; the test set stays unseen).",
        "这里每一组的 T 都使它自己训练集上的对数损失最小（本页没有单独的验证集；测试集始终不参与）。",
    ),
    "race.cal.fit.lane": (
        "{run}: T = {T}, {how}; on the {part} set its ECE goes from {a} to {b} and its log loss from {c} to {d} "
        "{unit}.",
        "{run}：T = {T}，{how}；在{part}集上，它的 ECE 从 {a} 变为 {b}，对数损失从 {c} 变为 {d} {unit}。",
    ),
    "race.cal.softer": (
        "softer: it was overconfident on its training points",
        "变软：它在训练点上过于自信",
    ),
    "race.cal.sharper": (
        "sharper: it was underconfident on its training points",
        "变锐：它在训练点上不够自信",
    ),
    "race.cal.fit.separable": (
        "{run}: no finite T fits: it classifies every training point correctly, so its training log loss keeps "
        "falling as T → 0; T stays 1.",
        "{run}：找不到有限的 T：它把每个训练点都分对了，所以 T → 0 时训练对数损失一直下降；T 保持为 1。",
    ),
    "race.cal.fit.uniform": (
        "{run}: no finite T fits: on average its scores favour the training labels no more than uniform guessing "
        "does, so the log loss is smallest as T → ∞; T stays 1.",
        "{run}：找不到有限的 T：平均而言，它的分数对训练标签的偏向不比均匀猜测更多，所以 T → ∞ 时对数损失最小；"
        "T 保持为 1。",
    ),
    "race.cal.fit.limit": (
        "{run}: no finite T fits within floating-point range; T stays 1.",
        "{run}：在浮点数范围内找不到有限的 T；T 保持为 1。",
    ),
    "race.cal.compare.intro": (
        "What the losses did to calibration in this run, before any temperature scaling:",
        "这一次运行里，各损失对校准的影响（温度缩放之前）：",
    ),
    "race.cal.compare": (
        "{run}'s ECE on the {part} set is {a} against {b} for {ref}; its log loss {c} against {d} {unit}, its "
        "Brier score {e} against {f}.",
        "{run} 在{part}集上的 ECE 是 {a}，{ref} 是 {b}；对数损失 {c} 对 {d} {unit}，Brier 分数 {e} 对 {f}。",
    ),
    "race.cal.col.T": ("T", "T"),
    "race.cal.col.ece": ("ECE", "ECE"),
    "race.cal.col.ece.after": ("ECE at T", "T 下的 ECE"),
    "race.cal.col.brier": ("Brier score", "Brier 分数"),
    "race.cal.col.brier.after": ("Brier score at T", "T 下的 Brier 分数"),
    "race.cal.col.loss": ("Log loss ({unit})", "对数损失（{unit}）"),
    "race.cal.col.loss.after": ("Log loss at T ({unit})", "T 下的对数损失（{unit}）"),
    "race.cal.col.likelihood": ("P(training labels)", "训练标签的概率"),
    "race.cal.caption": (
        "Scores on the {part} set; the last row on the training set.",
        "评分基于{part}集；最后一行基于训练集。",
    ),
    "race.cal.fig.confidence": ("confidence", "置信度"),
    "race.cal.fig.accuracy": ("accuracy", "准确率"),
    "race.cal.fig.points": ("points", "个点"),
    "race.cal.fig.before": ("as trained (T = 1)", "训练所得（T = 1）"),
    "race.cal.fig.after": ("rescaled", "缩放后"),
    "race.cal.fig.diagonal": ("calibrated", "完全校准"),
    "race.cal.fig.title": ("{run} · T = {T}", "{run} · T = {T}"),
}
