"""Loss-curves page text."""

TEXT = {
    "curves.intro": (
        "The tutorial says cross-entropy trains classifiers better than mean squared error (MSE) and writes "
        "down two gradient formulas. Here is the mechanism behind the first claim, and a check of both "
        "formulas: every analytic gradient sits next to a finite-difference estimate computed from the loss "
        "itself.",
        "教程声称交叉熵训练分类器比均方误差（MSE）更好，并给出了两个梯度公式。本页展示第一个论断背后的机制，"
        "并核验这两个公式：每个解析梯度旁边都列出由损失函数本身数值求得的有限差分估计。",
    ),
    "curves.binary.header": ("1. One binary example: cross-entropy against MSE", "1. 单个二分类样本：交叉熵对比 MSE"),
    "curves.binary.body": (
        "A logistic model turns a logit z into a probability ŷ = σ(z) for the label y. Both losses are zero "
        "when ŷ = y; they differ in how hard they push when the prediction is wrong.",
        "逻辑回归模型把 logit z 变成标签 y 的预测概率 ŷ = σ(z)。当 ŷ = y 时两种损失都为零；"
        "区别在于预测出错时它们“推动”模型的力度。",
    ),
    "curves.y": ("True label y", "真实标签 y"),
    "curves.y.1": ("y = 1", "y = 1"),
    "curves.y.0": ("y = 0", "y = 0"),
    "curves.log": ("Logarithmic scale", "对数坐标"),
    "curves.log.help": (
        "Log y-axes; the gradient panels then show magnitudes |∂L|, so small and large gradients both read.",
        "纵轴取对数；此时梯度图显示梯度的绝对值 |∂L|，大小梯度都能看清。",
    ),
    "curves.probe": ("Probe: logit z", "探针：logit z"),
    "curves.probe.help": (
        "Moves the marked point on every panel; the table below gives the exact values there.",
        "移动各图中的标记点；下表给出该点的精确数值。",
    ),
    "curves.ce": ("Cross-entropy", "交叉熵"),
    "curves.mse": ("MSE", "MSE"),
    "curves.fig.loss_p": ("Loss against the prediction ŷ", "损失随预测概率 ŷ 的变化"),
    "curves.fig.loss_z": ("Loss against the logit z", "损失随 logit z 的变化"),
    "curves.fig.grad_p": ("Gradient with respect to ŷ", "对 ŷ 的梯度"),
    "curves.fig.grad_z": ("Gradient with respect to z", "对 z 的梯度"),
    "curves.fig.p": ("prediction ŷ", "预测概率 ŷ"),
    "curves.fig.z": ("logit z", "logit z"),
    "curves.fig.loss": ("loss (CE in {unit})", "损失（交叉熵单位：{unit}）"),
    "curves.fig.grad": ("∂L", "∂L"),
    "curves.fig.abs_grad": ("|∂L|", "|∂L|"),
    "curves.fig.wrong": ("confidently wrong", "自信地犯错"),
    "curves.fig.probe": ("probe", "探针"),
    "curves.fig.caption": (
        "Shaded: confidently wrong, the model gives the true class less than 10 %. There the cross-entropy "
        "gradient with respect to z stays near its largest size, 1, while MSE's shrinks towards 0: the "
        "factor σ(z)(1 − σ(z)) of the chain rule vanishes, and MSE stops learning from exactly the examples "
        "it gets most wrong.",
        "阴影区：自信地犯错，即模型给真实类别的概率低于 10 %。在这里交叉熵对 z 的梯度保持在接近最大值 1，"
        "而 MSE 的梯度趋近于 0：链式法则中的因子 σ(z)(1 − σ(z)) 消失了，MSE 恰恰在错得最离谱的样本上停止学习。",
    ),
    "curves.metric.y_hat": ("Prediction ŷ = σ(z)", "预测概率 ŷ = σ(z)"),
    "curves.metric.ce": ("Cross-entropy at the probe", "探针处的交叉熵"),
    "curves.metric.ratio": ("∂CE/∂z ÷ ∂MSE/∂z", "∂CE/∂z ÷ ∂MSE/∂z"),
    "curves.col.value": ("value", "数值"),
    "curves.col.dp": ("∂L/∂ŷ (formula)", "∂L/∂ŷ（公式）"),
    "curves.col.dp_fd": ("∂L/∂ŷ (finite difference)", "∂L/∂ŷ（有限差分）"),
    "curves.col.dz": ("∂L/∂z (formula)", "∂L/∂z（公式）"),
    "curves.col.dz_fd": ("∂L/∂z (finite difference)", "∂L/∂z（有限差分）"),
    "curves.wrong.callout": (
        "**Confidently wrong.** The model gives the true class only {p}. MSE's gradient with respect to the "
        "logit is {mse}, cross-entropy's is {ce}: cross-entropy pushes **{r} times** harder to fix this "
        "mistake.",
        "**自信地犯错。** 模型只给真实类别 {p} 的概率。MSE 对 logit 的梯度为 {mse}，交叉熵的为 {ce}："
        "交叉熵纠正这个错误的力度是 MSE 的 **{r} 倍**。",
    ),
    "curves.right.callout": (
        "The model gives the true class {p}. Cross-entropy's gradient with respect to z is still {r} times "
        "MSE's (the ratio is 1/(2ŷ(1 − ŷ)) whatever the label), but near the right answer both are small. "
        "Move the probe into the shaded region to see where the difference matters.",
        "模型给真实类别 {p} 的概率。交叉熵对 z 的梯度仍是 MSE 的 {r} 倍（无论标签如何，该比值都等于 "
        "1/(2ŷ(1 − ŷ))），但在接近正确答案时两者都很小。把探针移入阴影区，看看差别在哪里真正起作用。",
    ),
    "curves.bits.note": (
        "Cross-entropy and its gradients are in bits here (the nats values divided by ln 2); MSE has no unit, "
        "so the ratio is 1/ln 2 ≈ 1.44 times the one in nats.",
        "此处交叉熵及其梯度以 bit 为单位（即 nat 数值除以 ln 2）；MSE 没有单位，"
        "因此这里的比值是以 nat 计算时的 1/ln 2 ≈ 1.44 倍。",
    ),
    "curves.multi.header": ("2. Several classes: softmax and cross-entropy", "2. 多分类：softmax 与交叉熵"),
    "curves.multi.body": (
        "Set a logit per class, the true class (or a soft target), the temperature T and the label "
        "smoothing ε. Each gradient is shown twice: from its formula and by finite differences.",
        "为每个类别设置 logit，选择真实类别（或软目标），并调节温度 T 和标签平滑系数 ε。"
        "每个梯度都给出两次：一次来自公式，一次来自有限差分。",
    ),
    "curves.tutorial.callout": (
        "**The tutorial is wrong here.** It calls ŷ − y the gradient with respect to the probabilities ŷ. "
        "It is the gradient with respect to the **logits** z (compare the green bars with their "
        "finite-difference crosses). With respect to the probabilities the gradient is −y/ŷ (purple).",
        "**教程在这里出错了。** 它把 ŷ − y 称为对概率 ŷ 的梯度。实际上它是对 **logit** z 的梯度"
        "（对比绿色柱形与有限差分的叉号）。对概率 ŷ 的梯度是 −y/ŷ（紫色）。",
    ),
    "curves.class": ("class {k}", "类别 {k}"),
    "curves.k": ("Number of classes K", "类别数 K"),
    "curves.logits": ("Logits z", "Logit z"),
    "curves.soft": ("Soft target", "软目标"),
    "curves.soft.help": (
        "Instead of one true class, a target distribution over the classes (as in distillation).",
        "不再只有一个真实类别，而是各类别上的目标分布（如知识蒸馏中那样）。",
    ),
    "curves.soft.weights": ("Target distribution y", "目标分布 y"),
    "curves.c": ("True class", "真实类别"),
    "curves.temp": ("Temperature T", "温度 T"),
    "curves.temp.help": (
        "ŷ = softmax(z / T): T > 1 flattens the prediction, T < 1 sharpens it.",
        "ŷ = softmax(z / T)：T > 1 使预测更平坦，T < 1 使预测更尖锐。",
    ),
    "curves.ls": ("Label smoothing ε", "标签平滑 ε"),
    "curves.ls.help": (
        "The target becomes (1 − ε) y + ε / K: a little probability for every class.",
        "目标变为 (1 − ε) y + ε / K：每个类别都分到一点概率。",
    ),
    "curves.metric.mce": ("Cross-entropy L", "交叉熵 L"),
    "curves.metric.min": ("Smallest possible L = H(ỹ)", "L 的最小可能值 = H(ỹ)"),
    "curves.metric.min.help": (
        "No logits can do better than predicting the target itself, which costs its entropy. With a one-hot "
        "target that is 0; with smoothing ε > 0 it is above 0.",
        "任何 logit 都无法优于直接预测目标分布本身，其代价就是目标的熵。独热目标时为 0；标签平滑 ε > 0 时大于 0。",
    ),
    "curves.metric.uniform": ("Uniform output: ln {k}", "均匀输出：ln {k}"),
    "curves.metric.uniform.help": (
        "Equal logits give ŷ = 1/K for every class, and a loss of ln K whatever the target: the loss of a "
        "model that knows nothing.",
        "所有 logit 相等时，每个类别的 ŷ = 1/K，无论目标如何损失都是 ln K：这是一个什么都不知道的模型的损失。",
    ),
    "curves.mfig.probs": ("Prediction ŷ and target ỹ", "预测 ŷ 与目标 ỹ"),
    "curves.mfig.grad_z": ("∂L/∂z = (ŷ − ỹ)/T", "∂L/∂z = (ŷ − ỹ)/T"),
    "curves.mfig.grad_p": ("∂L/∂ŷ = −ỹ/ŷ", "∂L/∂ŷ = −ỹ/ŷ"),
    "curves.mfig.y_hat": ("prediction ŷ", "预测 ŷ"),
    "curves.mfig.target": ("target ỹ", "目标 ỹ"),
    "curves.mfig.grad_z_bar": ("∂L/∂z (formula)", "∂L/∂z（公式）"),
    "curves.mfig.grad_p_bar": ("∂L/∂ŷ (formula)", "∂L/∂ŷ（公式）"),
    "curves.mfig.fd": ("finite difference", "有限差分"),
    "curves.col.gz": ("∂L/∂z (formula)", "∂L/∂z（公式）"),
    "curves.col.gz_fd": ("∂L/∂z (finite diff.)", "∂L/∂z（有限差分）"),
    "curves.col.gp": ("∂L/∂ŷ (formula)", "∂L/∂ŷ（公式）"),
    "curves.col.gp_fd": ("∂L/∂ŷ (finite diff.)", "∂L/∂ŷ（有限差分）"),
    "curves.ls.note": (
        "With smoothing ε = {eps} even a perfect model cannot reach 0: the best possible loss is H(ỹ) = {h} {unit}.",
        "标签平滑 ε = {eps} 时，即使完美的模型也无法达到 0：最好的损失是 H(ỹ) = {h} {unit}。",
    ),
    "curves.temp.header": ("The effect of the temperature", "温度的影响"),
    "curves.temp.body": (
        "The same logits at every temperature: hot (large T) flattens the prediction towards uniform, so the "
        "loss tends to ln K; cold (small T) bets everything on the largest logit, which is cheap if that is "
        "the true class and ruinous if not.",
        "同一组 logit 在不同温度下的损失：高温（T 大）使预测趋于均匀，损失趋于 ln K；"
        "低温（T 小）把全部赌注押在最大的 logit 上——若它正是真实类别则代价很小，否则代价极大。",
    ),
    "curves.tfig.min": ("H(ỹ) = {h}", "H(ỹ) = {h}"),
    "curves.tfig.uniform": ("ln {k} = {v}", "ln {k} = {v}"),
    "curves.tfig.current": ("current T", "当前 T"),
    "curves.source": ("The code that computed these gradients", "计算这些梯度的代码"),
}
