"""Loss-curves page text, and the page's formulas (LaTeX, the same in every language)."""

BINARY_FORMULAS = (
    r"\hat y=\sigma(z)=\frac{1}{1+e^{-z}},\quad "
    r"L_{\mathrm{CE}}=-\bigl[y\log\hat y+(1-y)\log(1-\hat y)\bigr],\quad L_{\mathrm{MSE}}=(y-\hat y)^2",
    r"\frac{\partial L_{\mathrm{CE}}}{\partial\hat y}=\frac{\hat y-y}{\hat y(1-\hat y)},\quad "
    r"\frac{\partial L_{\mathrm{CE}}}{\partial z}=\hat y-y,\quad "
    r"\frac{\partial L_{\mathrm{MSE}}}{\partial z}=2(\hat y-y)\,\hat y(1-\hat y)",
)
MULTICLASS_FORMULA = (
    r"\hat y=\mathrm{softmax}(z/T),\quad \tilde y=(1-\varepsilon)\,y+\varepsilon/K,\quad "
    r"L=-\sum_j\tilde y_j\log\hat y_j,\quad "
    r"\frac{\partial L}{\partial z_j}=\frac{\hat y_j-\tilde y_j}{T},\quad "
    r"\frac{\partial L}{\partial \hat y_j}=-\frac{\tilde y_j}{\hat y_j}"
)

TEXT = {
    "curves.intro": (
        "The tutorial says cross-entropy suits classifiers better than mean squared error (MSE), for its "
        "gradients and its training speed, and writes down two gradient formulas. Here is the mechanism behind "
        "the first claim, and a check of both formulas: every analytic gradient sits next to a "
        "finite-difference estimate computed from the loss itself.",
        "教程声称，就梯度和训练速度而言，交叉熵比均方误差（MSE）更适合分类器，并给出了两个梯度公式。"
        "本页展示第一个论断背后的机制，并核验这两个公式：每个解析梯度旁边都列出由损失函数本身数值求得的有限差分估计。",
    ),
    "curves.binary.header": ("1. One binary example: cross-entropy against MSE", "1. 单个二分类样本：交叉熵对比 MSE"),
    "curves.binary.body": (
        "A logistic model turns a logit z into a probability ŷ = σ(z) for the label y. Both losses are zero "
        "at ŷ = y and grow as ŷ moves away; they differ in how hard they push when the prediction is wrong.",
        "逻辑回归模型把 logit z 变成标签 y 的预测概率 ŷ = σ(z)。当 ŷ = y 时两种损失都为零；"
        "ŷ 偏离 y 时两者都增大；区别在于预测出错时它们“推动”模型的力度。",
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
    "curves.fig.loss_p": ("Loss against ŷ", "损失随 ŷ 变化"),
    "curves.fig.loss_z": ("Loss against z", "损失随 z 变化"),
    "curves.fig.grad_p": ("Gradient in ŷ", "对 ŷ 的梯度"),
    "curves.fig.grad_z": ("Gradient in z", "对 z 的梯度"),
    "curves.fig.p": ("prediction ŷ", "预测概率 ŷ"),
    "curves.fig.z": ("logit z", "logit z"),
    "curves.fig.loss": ("loss (CE in {unit})", "损失（交叉熵单位：{unit}）"),
    "curves.fig.grad": ("∂L", "∂L"),
    "curves.fig.abs_grad": ("|∂L|", "|∂L|"),
    "curves.fig.wrong": ("confidently wrong", "自信地犯错"),
    "curves.fig.probe": ("probe", "探针"),
    "curves.fig.caption": (
        "Shaded: confidently wrong, the model gives the true class less than {pct}. There the cross-entropy "
        "gradient with respect to z stays near its largest size, {gmax}, while MSE's shrinks towards 0: the "
        "factor σ(z)(1 − σ(z)) of the chain rule vanishes, and MSE all but stops learning from exactly the "
        "examples it gets most wrong.",
        "阴影区：自信地犯错，即模型给真实类别的概率低于 {pct}。在这里交叉熵对 z 的梯度保持在接近其最大值 {gmax}，"
        "而 MSE 的梯度趋近于 0：链式法则中的因子 σ(z)(1 − σ(z)) 趋于消失，MSE 恰恰在错得最离谱的样本上几乎停止学习。",
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
    "curves.middle.callout": (
        "The model gives the true class {p}: neither confidently wrong (below {lo}) nor nearly right (above "
        "{hi}). Cross-entropy's gradient with respect to z is {ce}, MSE's is {mse}: cross-entropy's is {r} "
        "times MSE's (the ratio is {ratio} whatever the label). In the shaded region the ratio is larger "
        "still, with cross-entropy's gradient near its largest.",
        "模型给真实类别 {p} 的概率：既不是自信地犯错（低于 {lo}），也不是几乎正确（高于 {hi}）。"
        "交叉熵对 z 的梯度为 {ce}，MSE 的为 {mse}：交叉熵的是 MSE 的 {r} 倍（无论标签如何，该比值都等于 {ratio}）。"
        "在阴影区这一比值更大，而交叉熵的梯度接近其最大值。",
    ),
    "curves.right.callout": (
        "The model gives the true class {p}, more than {hi}: nearly right. Cross-entropy's gradient with "
        "respect to z is {ce}, MSE's is {mse}. Cross-entropy's is {r} times MSE's (the ratio is {ratio} "
        "whatever the label), but both are small, as they should be near the right answer. Move the probe into "
        "the shaded region to see where the difference matters.",
        "模型给真实类别 {p} 的概率，高于 {hi}：几乎正确。交叉熵对 z 的梯度为 {ce}，MSE 的为 {mse}。"
        "交叉熵的是 MSE 的 {r} 倍（无论标签如何，该比值都等于 {ratio}），但两者都很小，接近正确答案时理应如此。"
        "把探针移入阴影区，看看差别在哪里真正起作用。",
    ),
    "curves.ratio.nats": ("1/(2ŷ(1 − ŷ))", "1/(2ŷ(1 − ŷ))"),
    "curves.ratio.bits": ("1/(2ŷ(1 − ŷ) ln 2)", "1/(2ŷ(1 − ŷ) ln 2)"),
    "curves.gmax.nats": ("1", "1"),
    "curves.gmax.bits": ("1/ln 2 ≈ 1.44", "1/ln 2 ≈ 1.44"),
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
        "It is the gradient with respect to the **logits** z (in nats, at T = 1 without smoothing; in general "
        "(ŷ − ỹ)/T: compare the green bars with their finite-difference crosses). With respect to the "
        "probabilities the gradient is −ỹ/ŷ (purple).",
        "**教程在这里出错了。** 它把 ŷ − y 称为对概率 ŷ 的梯度。实际上它是对 **logit** z 的梯度"
        "（以 nat 为单位、T = 1 且无标签平滑时如此；一般为 (ŷ − ỹ)/T：对比绿色柱形与有限差分的叉号）。"
        "对概率 ŷ 的梯度是 −ỹ/ŷ（紫色）。",
    ),
    "curves.class": ("class {k}", "类别 {k}"),
    "curves.k": ("Number of classes K", "类别数 K"),
    "curves.logits": ("Logits z", "各类别的 logit z"),
    "curves.list.sep": (", ", "、"),
    "curves.soft": ("Soft target", "软目标"),
    "curves.soft.help": (
        "Instead of one true class, a target distribution over the classes (as in distillation).",
        "不再只有一个真实类别，而是各类别上的目标分布（如知识蒸馏中那样）。",
    ),
    "curves.soft.weights": ("Target distribution y", "目标分布 y"),
    "curves.c": ("True class", "真实类别"),
    "curves.temp": ("Temperature T", "温度 T"),
    "curves.temp.help": (
        "ŷ = softmax(z / T): T > 1 flattens the prediction, T < 1 sharpens it (unless all logits are equal: "
        "then it is uniform at every T).",
        "ŷ = softmax(z / T)：T > 1 使预测更平坦，T < 1 使预测更尖锐（除非所有 logit 相等：那时任何 T 下预测都是均匀的）。",
    ),
    "curves.ls": ("Label smoothing ε", "标签平滑 ε"),
    "curves.ls.help": (
        "The target becomes (1 − ε) y + ε / K: a little probability for every class.",
        "目标变为 (1 − ε) y + ε / K：每个类别都分到一点概率。",
    ),
    "curves.metric.mce": ("Cross-entropy L", "交叉熵 L"),
    "curves.metric.min": ("Lower bound of L: H(ỹ)", "L 的下界：H(ỹ)"),
    "curves.metric.min.help": (
        "No logits can do better than predicting the target itself, which costs its entropy. With a one-hot "
        "target that is 0; with smoothing ε > 0 it is above 0.",
        "任何 logit 都无法优于直接预测目标分布本身，其代价就是目标的熵。独热目标时为 0；标签平滑 ε > 0 时大于 0。",
    ),
    "curves.metric.uniform": ("Uniform output: {log} {k}", "均匀输出：{log} {k}"),
    "curves.metric.uniform.help": (
        "Equal logits give ŷ = 1/K for every class, and a loss of ln K nats = log₂ K bits whatever the "
        "target: the loss of a model that knows nothing.",
        "所有 logit 相等时，每个类别的 ŷ = 1/K，无论目标如何损失都是 ln K nat = log₂ K bit："
        "这是一个什么都不知道的模型的损失。",
    ),
    "curves.log.nats": ("ln", "ln"),
    "curves.log.bits": ("log₂", "log₂"),
    "curves.mfig.probs": ("ŷ and ỹ", "ŷ 与 ỹ"),
    "curves.mfig.grad_z.nats": ("∂L/∂z = (ŷ − ỹ)/T", "∂L/∂z = (ŷ − ỹ)/T"),
    "curves.mfig.grad_p.nats": ("∂L/∂ŷ = −ỹ/ŷ", "∂L/∂ŷ = −ỹ/ŷ"),
    "curves.mfig.grad_z.bits": ("∂L/∂z = (ŷ − ỹ)/(T ln 2)", "∂L/∂z = (ŷ − ỹ)/(T ln 2)"),
    "curves.mfig.grad_p.bits": ("∂L/∂ŷ = −ỹ/(ŷ ln 2)", "∂L/∂ŷ = −ỹ/(ŷ ln 2)"),
    "curves.bits.note.multi": (
        "In bits the loss and its gradients are the nats values divided by ln 2: the formulas above are in "
        "nats, so here ∂L/∂z = (ŷ − ỹ)/(T ln 2) and ∂L/∂ŷ = −ỹ/(ŷ ln 2).",
        "以 bit 为单位时，损失及其梯度等于 nat 数值除以 ln 2：上面的公式以 nat 为单位，"
        "因此这里 ∂L/∂z = (ŷ − ỹ)/(T ln 2)，∂L/∂ŷ = −ỹ/(ŷ ln 2)。",
    ),
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
    "curves.temp.hot": (
        "The same logits and target at every temperature T. Hot (large T) flattens the prediction towards "
        "uniform, so the loss tends to {log} {k} = {v} {unit}.",
        "同一组 logit 与目标在不同温度 T 下的损失。高温（T 大）使预测趋于均匀，损失趋于 {log} {k} = {v} {unit}。",
    ),
    "curves.temp.constant": (
        "All logits are equal, so the prediction is uniform at every temperature T and the loss stays at "
        "{log} {k} = {v} {unit}, whatever the target.",
        "所有 logit 相等，因此在任何温度 T 下预测都是均匀的，无论目标如何，损失都保持为 {log} {k} = {v} {unit}。",
    ),
    "curves.temp.cold.zero": (
        "Cold (small T) puts all the probability on the largest logit, {cls}, and the target is all on that "
        "class: the loss falls towards 0.",
        "低温（T 小）把全部概率押在最大的 logit（{cls}）上，而目标也完全落在这个类别上：损失趋于 0。",
    ),
    "curves.temp.cold.tied": (
        "Cold (small T) splits the probability evenly between the {m} classes tied for the largest logit "
        "({cls}), which hold the whole target: the loss tends to {log} {m} = {v} {unit}, not to 0.",
        "低温（T 小）把概率平均分给并列最大 logit 的 {m} 个类别（{cls}），而目标完全落在它们上："
        "损失趋于 {log} {m} = {v} {unit}，而不是 0。",
    ),
    "curves.temp.cold.inf": (
        "Cold (small T) puts all the probability on the largest logit, {cls}, but the target gives a weight "
        "of {mass} to other classes: the loss grows without bound, like {rate}/T {unit}.",
        "低温（T 小）把全部概率押在最大的 logit（{cls}）上，但目标给其他类别的权重共 {mass}："
        "损失无限增大，约为 {rate}/T {unit}。",
    ),
    "curves.temp.cold.inf_tied": (
        "Cold (small T) splits the probability evenly between the {m} classes tied for the largest logit "
        "({cls}), but the target gives a weight of {mass} to other classes: the loss grows without bound, "
        "like {rate}/T {unit}.",
        "低温（T 小）把概率平均分给并列最大 logit 的 {m} 个类别（{cls}），但目标给其他类别的权重共 {mass}："
        "损失无限增大，约为 {rate}/T {unit}。",
    ),
    "curves.temp.smoothing": (
        "Label smoothing alone makes it so: it gives every class at least ε/K = {x}.",
        "仅标签平滑一项就足以如此：它给每个类别至少 ε/K = {x} 的权重。",
    ),
    "curves.temp.plot": (
        "On the plot (T from {t0} to {t1}) the loss runs from {a} to {b} {unit}, lowest at T = {tm} ({vm} {unit}).",
        "图中（T 从 {t0} 到 {t1}）损失从 {a} 变到 {b} {unit}，在 T = {tm} 处最低（{vm} {unit}）。",
    ),
    # predict, then reveal
    "curves.quiz.push": (
        "At ŷ = {y_hat} with the label y = {y}, which loss pushes the logit z harder, that is, has the larger "
        "gradient |∂L/∂z|?",
        "在 ŷ = {y_hat}、标签 y = {y} 时，哪种损失对 logit z 的推动更大，即梯度 |∂L/∂z| 更大？",
    ),
    "curves.quiz.push.ce": ("Cross-entropy", "交叉熵"),
    "curves.quiz.push.mse": ("MSE", "MSE"),
    "curves.quiz.push.same": ("Both equally", "两者一样大"),
    "curves.quiz.push.why": (
        "∂CE/∂z = {ce} against ∂MSE/∂z = {mse}: cross-entropy pushes {r}× harder. The ratio is {ratio}, and "
        "ŷ(1 − ŷ) is at most 1/4, so the ratio is at least {floor} at every z: cross-entropy always pushes harder.",
        "∂CE/∂z = {ce}，而 ∂MSE/∂z = {mse}：交叉熵的推动是 MSE 的 {r} 倍。该比值等于 {ratio}，而 ŷ(1 − ŷ) 至多为 1/4，"
        "所以在任何 z 处比值都至少为 {floor}：交叉熵总是推得更用力。",
    ),
    "curves.quiz.push.why.other": ("∂CE/∂z = {ce} against ∂MSE/∂z = {mse}.", "∂CE/∂z = {ce}，而 ∂MSE/∂z = {mse}。"),
    "curves.quiz.cold": (
        "For these logits and this target, what does the cross-entropy do as the temperature T goes to 0?",
        "对这组 logit 和这个目标，当温度 T 趋于 0 时，交叉熵会怎样？",
    ),
    "curves.quiz.cold.zero": ("It falls to 0", "降到 0"),
    "curves.quiz.cold.level": ("It levels off above 0", "趋于一个大于 0 的值"),
    "curves.quiz.cold.inf": ("It grows without bound", "无限增大"),
    "curves.quiz.cold.why.zero": (
        "As T → 0, softmax(z/T) puts all the probability on the largest logit, {cls}, and the whole target is on "
        "it: at T = {t0} the loss is already {a} {unit}, and it keeps falling to 0.",
        "当 T → 0 时，softmax(z/T) 把全部概率押在最大的 logit（{cls}）上，而目标也全部在它上面：T = {t0} 时损失已只有 "
        "{a} {unit}，并继续降到 0。",
    ),
    "curves.quiz.cold.why.level": (
        "As T → 0, softmax(z/T) splits the probability evenly between the {m} classes tied for the largest logit "
        "({cls}), which hold the whole target: the loss levels off at {log} {m} = {v} {unit}.",
        "当 T → 0 时，softmax(z/T) 把概率平均分给并列最大 logit 的 {m} 个类别（{cls}），而目标完全落在它们上："
        "损失趋于 {log} {m} = {v} {unit}。",
    ),
    "curves.quiz.cold.why.constant": (
        "All {k} logits are equal, so softmax(z/T) is uniform at every T: the loss stays at {log} {k} = {v} {unit}.",
        "{k} 个 logit 全部相等，所以任何 T 下 softmax(z/T) 都是均匀的：损失保持为 {log} {k} = {v} {unit}。",
    ),
    "curves.quiz.cold.why.inf": (
        "The target gives a weight of {mass} to classes below the largest logit, and as T → 0 softmax(z/T) gives "
        "them probability tending to 0: the loss grows like {rate}/T {unit} (at T = {t0} it is {a} {unit}).",
        "目标给最大 logit 以外的类别共 {mass} 的权重，而当 T → 0 时 softmax(z/T) 给它们的概率趋于 0："
        "损失约按 {rate}/T {unit} 增大（T = {t0} 时为 {a} {unit}）。",
    ),
    "curves.tfig.min": ("H(ỹ) = {h}", "H(ỹ) = {h}"),
    "curves.tfig.uniform": ("{log} {k} = {v}", "{log} {k} = {v}"),
    "curves.tfig.current": ("current T", "当前 T"),
    "curves.source": ("The code of the analytic gradients on this page", "本页解析梯度的代码"),
    "curves.alt.binary": (
        "Cross-entropy and MSE for the label y = {y}, against the prediction ŷ and the logit z, with their gradients. "
        "At the probe, z = {z} and ŷ = {y_hat}: cross-entropy {ce} {unit}, MSE {mse}; "
        "∂CE/∂z = {gce} against ∂MSE/∂z = {gmse}.",
        "标签 y = {y} 时交叉熵与 MSE 随预测 ŷ 和 logit z 的变化，以及它们的梯度。"
        "探针处 z = {z}、ŷ = {y_hat}：交叉熵 {ce} {unit}，MSE {mse}；∂CE/∂z = {gce}，而 ∂MSE/∂z = {gmse}。",
    ),
    "curves.alt.multi": (
        "Prediction ŷ and target ỹ for {k} classes, and the gradients. The largest prediction is {top} at {p}; "
        "the loss is {ce} {unit}; the largest gradient ∂L/∂z is {gz} for {gcls}.",
        "{k} 个类别的预测 ŷ 与目标 ỹ，以及梯度。最大的预测是{top}，为 {p}；损失为 {ce} {unit}；"
        "最大的梯度 ∂L/∂z 为 {gz}（{gcls}）。",
    ),
    "curves.alt.temp": (
        "Loss against the temperature T from {t0} to {t1}: from {a} to {b} {unit}, lowest at T = {tm} ({vm} {unit}). "
        "At the current T = {t} the loss is {ce} {unit}.",
        "损失随温度 T（从 {t0} 到 {t1}）的变化：从 {a} 变到 {b} {unit}，在 T = {tm} 处最低（{vm} {unit}）。"
        "当前 T = {t} 时损失为 {ce} {unit}。",
    ),
}
