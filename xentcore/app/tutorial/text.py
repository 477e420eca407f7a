"""Text of the "tutorial, checked" page. Claims are paraphrased in our own words (short phrases the tutorial
uses are quoted), and every sentence that states a number or a direction is filled in from the page's model."""

TEXT = {
    "tutorial.intro": (
        "A popular tutorial on cross-entropy is mostly right and wrong in a few important places. Below, each of "
        "its claims in order: what it says (in our words), a verdict, and a check computed as you read. Change the "
        "inputs; the numbers follow.",
        "一篇流行的交叉熵教程大体正确，但在几个关键地方有误。下面按顺序逐条列出它的论断：它说了什么（用我们自己的话转述）、"
        "结论，以及在你阅读时实时计算的核验。改变输入，数字随之更新。",
    ),
    "tutorial.verdict.holds": ("holds", "成立"),
    "tutorial.verdict.wrong": ("wrong", "有误"),
    "tutorial.verdict.imprecise": ("imprecise", "不严谨"),
    "tutorial.verdict.unsourced": ("unsourced", "无出处"),
    "tutorial.verdict.misleading": ("misleading", "有误导性"),
    "tutorial.glance.header": ("Verdicts at a glance", "结论一览"),
    "tutorial.glance.line": ("{n}. [{title}](#claim-{n}) {badge} {why}", "{n}. [{title}](#claim-{n}) {badge}{why}"),
    "tutorial.c1.glance": (
        "The formulas are right, but KL is no distance, and the extra cost of the wrong code is KL, not cross-entropy.",
        "公式正确，但 KL 不是距离，用错编码多付的代价是 KL，而不是交叉熵。",
    ),
    "tutorial.c2.glance": (
        "The sum is right; it just never gets its value, which the card computes.",
        "求和式正确，只是没有给出数值；卡片里算出了它。",
    ),
    "tutorial.c3.glance": (
        "At Q = P cross-entropy is the entropy H(P), which is 0 only when the outcome is certain.",
        "当 Q = P 时交叉熵等于熵 H(P)，只有结果确定时才为 0。",
    ),
    "tutorial.c4.glance": (
        "Swapping P and Q changes it, and H(P, Q) = H(P) + KL(P‖Q).",
        "交换 P 与 Q 会改变它，且 H(P, Q) = H(P) + KL(P‖Q)。",
    ),
    "tutorial.c5.glance": ("The formula agrees with finite differences.", "公式与有限差分一致。"),
    "tutorial.c6.glance": (
        "ŷ − y is the derivative with respect to the logits z, not the probabilities ŷ.",
        "ŷ − y 是对 logit z 的导数，而不是对概率 ŷ 的导数。",
    ),
    "tutorial.c7.glance": (
        "MSE is slower, but because its gradient carries σ′(z), which all but vanishes when the model is confidently "
        "wrong, not because of local optima.",
        "MSE 确实更慢，但原因是它的梯度带有因子 σ′(z)，模型自信地判错时几乎为 0，而不是局部最优。",
    ),
    "tutorial.c8.glance": (
        "They run, but print a sum as the loss, break on large inputs and learn from random labels, where there is "
        "nothing to learn.",
        "程序能运行，但打印的损失是总和，输入较大时会出错，而且训练用的是随机标签，本来就无可学习。",
    ),
    "tutorial.c9.glance": (
        "Neither figure has a source; the card measures a comparison instead.",
        "两个数字都没有出处；卡片里改为实测一个对比。",
    ),
    "tutorial.says": ("**The tutorial says:** {claim}", "**教程的说法**：{claim}"),
    "tutorial.explore": ("Explore further:", "进一步探索："),
    "tutorial.outcome.0": ("sunny", "晴"),
    "tutorial.outcome.1": ("rain", "雨"),
    "tutorial.outcome.2": ("cloudy", "阴天"),
    "tutorial.col.outcome": ("outcome", "结果"),
    "tutorial.col.quantity": ("quantity", "量"),
    "tutorial.inf": (
        "Q gives probability 0 to an outcome that P allows, so describing P with Q costs infinitely much: "
        "the cross-entropy and the KL divergence are ∞.",
        "Q 给某个在 P 下可能发生的结果赋予了概率 0，用 Q 描述 P 的代价无穷大：交叉熵和 KL 散度均为 ∞。",
    ),
    # 1 definitions
    "tutorial.c1.title": (
        "Self-information, entropy, KL divergence, cross-entropy",
        "自信息、熵、KL 散度（相对熵）与交叉熵",
    ),
    "tutorial.c1.claim": (
        "a rare outcome carries more information, −log p; entropy is the average information under P; the KL "
        "divergence is a “distance” between two distributions, 0 when they are equal and larger the more they "
        "differ; cross-entropy, −Σ p log q, “measures the difference” between two distributions: it is the *extra* "
        "information needed when outcomes of the true distribution are coded with the wrong code.",
        "越罕见的结果携带的信息越多，即 −log p；熵是 P 下的平均信息量；KL 散度是两个分布之间的“距离”，两者相同时为 0，"
        "差异越大它越大；交叉熵 −Σ p log q “衡量两个分布之间的差异”：它是用错误的编码为真实分布的结果编码时所需的"
        "*额外*信息量。",
    ),
    "tutorial.c1.check": (
        "The formulas are the standard ones. Try your own P and Q: when you move one probability, the other two "
        "are rescaled so that each distribution still sums to 1. Claims 3 and 4 use the same P and Q.",
        "公式都是标准定义。试试你自己的 P 和 Q：移动其中一个概率时，另外两个会按比例缩放，使每个分布之和仍为 1。"
        "第 3、4 条使用同一组 P 和 Q。",
    ),
    "tutorial.c1.words": (
        "The formulas hold; three of the words around them do not.",
        "公式没有问题；但围绕公式的三处说法不准确。",
    ),
    "tutorial.c1.extra": (
        "**The extra is KL, not cross-entropy.** Coding outcomes of P with Q's code costs H(P, Q) = {ce} {u} per "
        "outcome on average. Of that, H(P) = {h} {u} is paid even with the right code; the *extra* is "
        "KL(P‖Q) = H(P, Q) − H(P) = {kl} {u}.",
        "**额外的是 KL 散度，不是交叉熵。** 用 Q 的编码为 P 的结果编码，平均每个结果花费 H(P, Q) = {ce} {u}。"
        "其中 H(P) = {h} {u} 即使用正确的编码也要付出；*额外*的部分是 KL(P‖Q) = H(P, Q) − H(P) = {kl} {u}。",
    ),
    "tutorial.c1.metric": (
        "**KL is not a distance.** A distance (a metric) is symmetric and obeys the triangle inequality; the KL "
        "divergence does neither.",
        "**KL 散度不是距离。** 距离（度量）必须对称并满足三角不等式；KL 散度两条都不满足。",
    ),
    "tutorial.c1.asym.own": (
        "Not symmetric: with your P and Q, KL(P‖Q) = {pq} {u} but KL(Q‖P) = {qp} {u}.",
        "不对称：用你的 P 和 Q，KL(P‖Q) = {pq} {u}，而 KL(Q‖P) = {qp} {u}。",
    ),
    "tutorial.c1.asym.weather": (
        "Not symmetric: your P and Q do not show it (the two directions agree at four decimals, or both are ∞); "
        "the weather example's do: KL(P‖Q) = {pq} {u} but KL(Q‖P) = {qp} {u}.",
        "不对称：你的 P 和 Q 显示不出来（两个方向在四位小数下相同，或都为 ∞）；天气示例的可以："
        "KL(P‖Q) = {pq} {u}，而 KL(Q‖P) = {qp} {u}。",
    ),
    "tutorial.c1.tri.own": (
        "No triangle inequality: take M = {a}·P + {b}·Q ≈ {m}, on the way from your P to your Q. Then "
        "KL(P‖M) + KL(M‖Q) = {pm} + {mq} = {detour} {u}, less than KL(P‖Q) = {pq} {u}: the detour is shorter "
        "than the direct way.",
        "不满足三角不等式：取 M = {a}·P + {b}·Q ≈ {m}，它位于从你的 P 到你的 Q 的路上。于是 "
        "KL(P‖M) + KL(M‖Q) = {pm} + {mq} = {detour} {u}，小于 KL(P‖Q) = {pq} {u}：绕道反而比直达更短。",
    ),
    "tutorial.c1.tri.weather": (
        "No triangle inequality: with your P and Q it does not show (they are too close, or KL(P‖Q) is ∞); with "
        "the weather example's, take M = {a}·P + {b}·Q ≈ {m}. Then KL(P‖M) + KL(M‖Q) = {pm} + {mq} = {detour} "
        "{u}, less than KL(P‖Q) = {pq} {u}: the detour is shorter than the direct way.",
        "不满足三角不等式：你的 P 和 Q 显示不出来（两者太接近，或 KL(P‖Q) 为 ∞）；用天气示例的 P 和 Q，取 "
        "M = {a}·P + {b}·Q ≈ {m}。于是 KL(P‖M) + KL(M‖Q) = {pm} + {mq} = {detour} {u}，小于 KL(P‖Q) = {pq} {u}："
        "绕道反而比直达更短。",
    ),
    "tutorial.c1.difference.zero": (
        "**Cross-entropy alone does not measure the difference.** It is H(P) + KL(P‖Q), and at Q = P it equals "
        "H(P): 0 here only because your P is certain, above 0 for any other P (claim 3). The part that measures how "
        "far Q is from P, and is 0 exactly when they agree, is the KL divergence.",
        "**交叉熵本身并不衡量差异。** 它等于 H(P) + KL(P‖Q)，当 Q = P 时等于 H(P)：这里为 0 只是因为你的 P 是确定的，"
        "对其他任何 P 都大于 0（见第 3 条）。真正衡量 Q 离 P 有多远、并且恰好在两者一致时为 0 的，是 KL 散度。",
    ),
    "tutorial.c1.difference": (
        "**Cross-entropy alone does not measure the difference.** It is H(P) + KL(P‖Q): at Q = P it equals "
        "H(P) = {h} {u}, not 0 (claim 3). The part that measures how far Q is from P, and is 0 exactly when they "
        "agree, is the KL divergence.",
        "**交叉熵本身并不衡量差异。** 它等于 H(P) + KL(P‖Q)：当 Q = P 时它等于 H(P) = {h} {u}，而不是 0（见第 3 条）。"
        "真正衡量 Q 离 P 有多远、并且恰好在两者一致时为 0 的，是 KL 散度。",
    ),
    "tutorial.c1.slider": ("{dist}({outcome})", "{dist}（{outcome}）"),
    # 2 weather
    "tutorial.c2.title": ("The weather example", "天气示例"),
    "tutorial.c2.claim": (
        "with the true weather P = (sunny 0.5, rain 0.3, cloudy 0.2) and the forecast Q = (0.4, 0.4, 0.2), it writes "
        "out the sum for H(P, Q) and says it can be computed, but never gives the value.",
        "真实天气 P =（晴 0.5，雨 0.3，阴天 0.2），预测 Q =（0.4，0.4，0.2），教程写出了 H(P, Q) 的求和式，"
        "说“计算可得”，却始终没有给出数值。",
    ),
    "tutorial.c2.check": (
        "The set-up is right; here is the missing number, term by term (natural log, so nats):",
        "设定没有问题；下面逐项补上缺失的数值（使用自然对数，单位为 nat）：",
    ),
    "tutorial.c2.term": ("−p log q (nats)", "−p log q（nat）"),
    "tutorial.c2.result": (
        "Sum: H(P, Q) = **{nats} nats**, which is **{bits} bits** (dividing by ln 2).",
        "求和得 H(P, Q) = **{nats} nat**，即 **{bits} bit**（除以 ln 2）。",
    ),
    # 3 zero claim
    "tutorial.c3.title": ("When is cross-entropy 0?", "交叉熵何时为 0？"),
    "tutorial.c3.claim": (
        "cross-entropy is never negative, and it is 0 exactly when the predicted distribution equals the true one.",
        "交叉熵非负，并且当且仅当预测分布等于真实分布时为 0。",
    ),
    "tutorial.c3.check": (
        "Non-negative, yes; 0 at a perfect prediction, no. At Q = P the cross-entropy equals the entropy H(P), and "
        "no Q goes lower; that floor is 0 only when P puts all its probability on one outcome. The quantity that is "
        "0 exactly when Q = P is the KL divergence. On your P from claim 1:",
        "非负没错；但完美预测时为 0 是错的。当 Q = P 时，交叉熵等于熵 H(P)，任何 Q 都不会更低；只有当 P 把全部概率"
        "放在一个结果上时，这个下限才是 0。真正“当且仅当 Q = P 时为 0”的量是 KL 散度。用你在第 1 条中设定的 P：",
    ),
    "tutorial.c3.ce_pp": ("H(P, P): Q = P exactly", "H(P, P)：Q 恰好等于 P"),
    "tutorial.c3.kl_pp": ("KL(P‖P)", "KL(P‖P)"),
    "tutorial.c3.search": ("best of {n} random Q", "{n} 个随机 Q 中的最小值"),
    "tutorial.c3.search.help": (
        "The smallest cross-entropy H(P, Q) among {n} distributions Q drawn uniformly at random: none goes below H(P).",
        "在 {n} 个均匀随机抽取的分布 Q 中，交叉熵 H(P, Q) 的最小值：没有一个低于 H(P)。",
    ),
    "tutorial.c3.x.uniform": (
        "Q on a line through P (0: Q = P, 1: uniform)",
        "Q 沿经过 P 的直线移动<br>（0：Q = P，1：均匀分布）",
    ),
    "tutorial.c3.x.corner": (
        "Q on a line through P (0: Q = P, 1: half-way from uniform to certain {outcome})",
        "Q 沿经过 P 的直线移动<br>（0：Q = P，1：从均匀分布到必然{outcome}的中点）",
    ),
    "tutorial.alt.c3": (
        "Along a line of Q's through P (t = 0 is Q = P), H(P, Q) is lowest, {low} {u}, at t = {at}, where it "
        "meets the floor H(P) = {h} {u} and KL(P‖Q) is 0; it rises to {first} {u} at t = {t0} and {last} {u} at "
        "t = {t1}.",
        "沿一条经过 P 的直线取 Q（t = 0 即 Q = P），H(P, Q) 在 t = {at} 处最低，为 {low} {u}，"
        "正好碰到下限 H(P) = {h} {u}，此时 KL(P‖Q) 为 0；在 t = {t0} 处升到 {first} {u}，在 t = {t1} 处为 {last} {u}。",
    ),
    "tutorial.c3.floor": ("H(P): the floor", "H(P)：下限"),
    "tutorial.c3.onehot": ("Make P one-hot", "把 P 设为独热分布"),
    "tutorial.c3.back": ("Back to the weather P", "恢复天气示例的 P"),
    "tutorial.c3.onehot_note": (
        "P is one-hot: its entropy is 0, so here (and only here) the cross-entropy can reach 0.",
        "P 是独热分布：它的熵为 0，所以只有在这种情况下交叉熵才能达到 0。",
    ),
    "tutorial.quiz.zero": (
        "Your P from claim 1 is {p}. Can any forecast Q make the cross-entropy H(P, Q) exactly 0?",
        "你在第 1 条中设定的 P 是 {p}。有没有哪个预测 Q 能让交叉熵 H(P, Q) 恰好为 0？",
    ),
    "tutorial.quiz.zero.yes": ("Yes: Q = P gives 0", "能：Q = P 时为 0"),
    "tutorial.quiz.zero.no": ("No: every Q gives more than 0", "不能：任何 Q 都大于 0"),
    "tutorial.quiz.zero.why.yes": (
        "This P puts all its probability on {outcome}, so its entropy H(P), the floor of H(P, Q) over every Q, is "
        "0: at Q = P the cross-entropy is H(P, P) = {ce} {u}.",
        "这个 P 把全部概率放在{outcome}上，所以它的熵 H(P)（H(P, Q) 对所有 Q 的下限）为 0：Q = P 时交叉熵 "
        "H(P, P) = {ce} {u}。",
    ),
    "tutorial.quiz.zero.why.no": (
        "No Q goes below the floor H(P) = {h} {u}, reached at Q = P (H(P, P) = {ce} {u}; the best of {n} random Q "
        "gives {best} {u}). H(P) is 0 only when P puts all its probability on one outcome, and this P spreads it "
        "over {k} outcomes.",
        "没有任何 Q 能低于下限 H(P) = {h} {u}，这个下限在 Q = P 处取到（H(P, P) = {ce} {u}；{n} 个随机 Q 中最好的为 "
        "{best} {u}）。只有当 P 把全部概率放在一个结果上时 H(P) 才为 0，而这个 P 把概率分给了 {k} 个结果。",
    ),
    # 4 asymmetry
    "tutorial.c4.title": ("Asymmetry, and cross-entropy = entropy + KL", "不对称性，以及交叉熵 = 熵 + KL"),
    "tutorial.c4.claim": (
        "swapping the two distributions changes the cross-entropy, and the cross-entropy splits into the entropy of "
        "P plus the KL divergence from P to Q.",
        "交换两个分布会改变交叉熵；交叉熵可以分解为 P 的熵加上从 P 到 Q 的 KL 散度。",
    ),
    "tutorial.c4.check": ("Both hold. With your P and Q:", "两者都成立。用你的 P 和 Q："),
    "tutorial.c4.quantity": ("quantity", "量"),
    "tutorial.c4.pq": ("P against Q", "P 对 Q"),
    "tutorial.c4.qp": ("swapped", "交换后"),
    "tutorial.c4.sum": (
        "H(P) + KL(P‖Q) = {h} + {kl} = {total}, and H(P, Q) = {ce}.",
        "H(P) + KL(P‖Q) = {h} + {kl} = {total}，而 H(P, Q) = {ce}。",
    ),
    "tutorial.c4.inf": (
        "Swapped, the roles change: P now gives probability 0 to an outcome that Q allows, so H(Q, P) and "
        "KL(Q‖P) are ∞ while H(P, Q) stays finite, as lopsided as asymmetry gets.",
        "交换之后角色互换：P 给某个在 Q 下可能发生的结果赋予了概率 0，于是 H(Q, P) 和 KL(Q‖P) 为 ∞，"
        "而 H(P, Q) 仍是有限值——这是最极端的不对称。",
    ),
    "tutorial.c4.equal": (
        "Here P = Q, so swapping changes nothing; move a slider in claim 1 to see the asymmetry.",
        "此时 P = Q，交换不改变任何值；在第 1 条中移动滑块即可看到不对称性。",
    ),
    # 5 binary gradient
    "tutorial.c5.title": ("The binary gradient", "二分类梯度"),
    "tutorial.c5.claim": (
        "for binary cross-entropy, the derivative with respect to the predicted probability ŷ is (ŷ − y) / (ŷ(1 − ŷ)).",
        "对二分类交叉熵，关于预测概率 ŷ 的导数是 (ŷ − y) / (ŷ(1 − ŷ))。",
    ),
    "tutorial.c5.check": (
        "It holds. Pick a label and a prediction: the formula and a central finite difference (ŷ nudged by ±10⁻⁶) "
        "agree, and the formula is the slope of the loss curve at your point.",
        "成立。选择一个标签和一个预测值：公式与中心有限差分（ŷ 上下微调 10⁻⁶）结果一致，公式正是损失曲线在该点的斜率。",
    ),
    "tutorial.c5.y": ("True label y", "真实标签 y"),
    "tutorial.c5.yh": ("Prediction ŷ", "预测概率 ŷ"),
    "tutorial.c5.formula": ("formula (ŷ − y)/(ŷ(1 − ŷ))", "公式 (ŷ − y)/(ŷ(1 − ŷ))"),
    "tutorial.c5.numeric": ("finite difference", "有限差分"),
    "tutorial.c5.gap": ("difference", "差值"),
    "tutorial.alt.c5": (
        "The loss L(ŷ) for y = {y} and its tangent at ŷ = {yh}, where the loss is {loss}: the tangent's slope is "
        "the formula's, {slope}, and finite differences give {numeric}.",
        "y = {y} 时的损失 L(ŷ) 及其在 ŷ = {yh} 处的切线，该处损失为 {loss}：切线斜率取公式值 {slope}，"
        "有限差分得到 {numeric}。",
    ),
    "tutorial.c5.curve": ("loss L(ŷ) for y = {y}", "y = {y} 时的损失 L(ŷ)"),
    "tutorial.c5.tangent": ("tangent with the formula's slope", "以公式为斜率的切线"),
    # 6 multiclass gradient
    "tutorial.c6.title": ("The multi-class gradient", "多分类梯度"),
    "tutorial.c6.claim": (
        "for softmax with cross-entropy, the derivative with respect to the predicted probability ŷ_j is ŷ_j − y_j.",
        "对 softmax 加交叉熵，关于预测概率 ŷ_j 的导数是 ŷ_j − y_j。",
    ),
    "tutorial.c6.check": (
        "Wrong variable. ŷ_j − y_j is the derivative with respect to the logit z_j, the input of the softmax. With "
        "respect to the probability ŷ_j (the softmax output) the derivative is −y_j/ŷ_j. Finite differences in each "
        "variable settle it; choose the logits and the true class.",
        "变量弄错了。ŷ_j − y_j 是关于 logit z_j（softmax 的输入）的导数；关于概率 ŷ_j（softmax 的输出）的导数是 "
        "−y_j/ŷ_j。分别对两个变量做有限差分即可判定；请选择 logits 和真实类别。",
    ),
    "tutorial.c6.z": ("logit z{j} ({outcome})", "logit z{j}（{outcome}）"),
    "tutorial.c6.logits": ("Logits z", "各类别的 logit z"),
    "tutorial.c6.class": ("True class", "真实类别"),
    "tutorial.c6.claimed": ("tutorial: ŷ − y", "教程：ŷ − y"),
    "tutorial.c6.dz": ("∂L/∂z (finite diff.)", "∂L/∂z（有限差分）"),
    "tutorial.c6.dp": ("−y/ŷ", "−y/ŷ"),
    "tutorial.c6.dp_fd": ("∂L/∂ŷ (finite diff.)", "∂L/∂ŷ（有限差分）"),
    "tutorial.c6.verdict": (
        "The tutorial's column matches ∂L/∂z to within {dz} and misses ∂L/∂ŷ by up to {dp}.",
        "教程给出的这一列与 ∂L/∂z 的差距在 {dz} 以内，而与 ∂L/∂ŷ 相差最多 {dp}。",
    ),
    # 7 MSE
    "tutorial.c7.title": ("MSE for classification", "用 MSE 做分类"),
    "tutorial.c7.claim": (
        "squared error suits regression, but in classification it tends to get stuck in local optima; cross-entropy "
        "converges faster because it reacts more strongly to differences between distributions.",
        "平方误差适合回归，但在分类中容易陷入局部最优；交叉熵对分布差异更敏感，因而收敛更快。",
    ),
    "tutorial.c7.check": (
        "The conclusion is fair, the reason imprecise. With a sigmoid output, MSE's gradient with respect to the "
        "logit carries the factor σ′(z) = σ(z)(1 − σ(z)), never above 1/4, which all but vanishes when the model is "
        "confidently wrong, so learning crawls; cross-entropy's gradient σ(z) − y has no such factor. MSE's loss "
        "surface is also non-convex, with flat plateaus. For a positive example (y = 1) scored at z = {z}:",
        "结论大体合理，理由不严谨。使用 sigmoid 输出时，MSE 关于 logit 的梯度带有因子 σ′(z) = σ(z)(1 − σ(z))，"
        "它从不超过 1/4，并且在模型“自信地犯错”时几乎消失，于是学习极其缓慢；交叉熵的梯度 σ(z) − y 没有这个因子。"
        "此外 MSE 的损失曲面是非凸的，存在平坦的平台区。对一个正例（y = 1），当 z = {z} 时：",
    ),
    "tutorial.c7.ce": ("cross-entropy ∂L/∂z", "交叉熵 ∂L/∂z"),
    "tutorial.c7.mse": ("MSE ∂L/∂z", "MSE ∂L/∂z"),
    "tutorial.c7.slope": ("largest σ′(z) on the chart", "图中 σ′(z) 的最大值"),
    "tutorial.c7.half": (
        "The factor is there everywhere, not only where the model is confidently wrong. With MSE = (y − ŷ)², as "
        "here, ∂CE/∂z ÷ ∂MSE/∂z = 1/(2σ′(z)), which on the chart is never below **{min}** (at z = {zmin}, where "
        "σ′ is largest), and {ratio} at z = {z}. So at the same learning rate MSE moves each example's logit at "
        "most half as far as cross-entropy does, and far less where it is confidently wrong. A fair race gives MSE "
        "a larger learning rate: claim 9 lets you.",
        "这个因子处处存在，而不只在模型“自信地犯错”时出现。按这里的定义 MSE = (y − ŷ)²，"
        "∂CE/∂z ÷ ∂MSE/∂z = 1/(2σ′(z))，它在图中从不低于 **{min}**（在 z = {zmin} 处，σ′ 最大），在 z = {z} 处为 "
        "{ratio}。所以学习率相同时，MSE 让每个样本的 logit 移动的距离至多是交叉熵的一半，在自信地犯错时更是远远不及。"
        "公平的比较应当给 MSE 更大的学习率：第 9 条可以试。",
    ),
    "tutorial.alt.c7": (
        "|∂L/∂z| for y = 1 over the logit z from {z0} to {z1}: cross-entropy's gradient is at least {ratio} times "
        "MSE's everywhere (the least at z = {at}); at z = {zend} cross-entropy's is {ce} and MSE's {mse}.",
        "y = 1 时 |∂L/∂z| 随 logit z 从 {z0} 到 {z1} 的变化：交叉熵的梯度处处至少是 MSE 的 {ratio} 倍"
        "（最小处在 z = {at}）；在 z = {zend} 处交叉熵的为 {ce}，MSE 的为 {mse}。",
    ),
    "tutorial.c7.y": ("|∂L/∂z| for y = 1", "y = 1 时的 |∂L/∂z|"),
    "tutorial.c7.x": ("logit z", "logit z"),
    "tutorial.c7.link.curves": ("the vanishing gradient, curve by curve", "逐条曲线查看梯度消失"),
    "tutorial.c7.link.surfaces": ("MSE's plateaus on a loss surface", "损失曲面上 MSE 的平台区"),
    "tutorial.c7.link.race": ("cross-entropy and MSE racing on the same data", "交叉熵与 MSE 在同一数据上比赛"),
    # 8 programs
    "tutorial.c8.title": ("The two numpy programs", "两个 numpy 程序"),
    "tutorial.c8.claim": (
        "two short numpy programs, logistic regression and softmax regression trained with cross-entropy, show the "
        "loss at work.",
        "两段简短的 numpy 程序——用交叉熵训练的逻辑回归和 softmax 回归——展示了该损失的实际效果。",
    ),
    "tutorial.c8.check": (
        "They run, but they show less than they seem to. Below, a faithful re-implementation of the tutorial's "
        "choices (its data, starting point, learning rate, epochs, summed loss and plain log) runs next to a "
        "corrected method (mean loss computed stably from the logits, and data that has something to learn).",
        "程序能运行，但展示的东西比看上去少。下面把忠实复现教程各项选择的实现（它的数据、初始化、学习率、轮数、"
        "求和形式的损失和未加保护的 log）与修正后的方法（从 logits 稳定计算的平均损失，以及真正可学习的数据）并排运行。",
    ),
    "tutorial.c8.program": ("Program", "程序"),
    "tutorial.c8.binary": ("binary: logistic regression", "二分类：逻辑回归"),
    "tutorial.c8.softmax": ("three classes: softmax regression", "三分类：softmax 回归"),
    "tutorial.c8.same.header": ("Same data, same start, same learning rate", "相同数据、相同起点、相同学习率"),
    "tutorial.c8.same.body": (
        "The tutorial's gradients are those of the mean loss, so both methods take exactly the same steps. Only the "
        "printed loss differs: the tutorial prints the sum, N = {n} times the mean its formula states. Every loss "
        "on this card is in {unit}.",
        "教程使用的梯度正是平均损失的梯度，所以两种方法每一步完全相同。唯一不同的是打印出来的损失：教程打印的是总和，"
        "是其公式所写平均值的 N = {n} 倍。本卡片中的损失均以 {unit} 为单位。",
    ),
    "tutorial.c8.epoch": ("epoch", "轮次"),
    "tutorial.c8.printed": ("tutorial's loss (sum)", "教程的损失（总和）"),
    "tutorial.c8.mean": ("corrected (mean)", "修正后（平均）"),
    "tutorial.c8.standardised": ("corrected, standardised inputs (mean)", "修正后，标准化输入（平均）"),
    "tutorial.quiz.moves": (
        "The tutorial trains at learning rate {lr} for {epochs} epochs. Of the way from the starting loss down to "
        "the lowest training loss these data allow, how much does the mean loss cover?",
        "教程以学习率 {lr} 训练 {epochs} 轮。从起始损失到这些数据所允许的最低训练损失，平均损失走完了多少路程？",
    ),
    "tutorial.quiz.moves.little": ("Less than half: it barely moves", "不到一半：几乎不动"),
    "tutorial.quiz.moves.most": ("Half or more", "一半或更多"),
    "tutorial.quiz.moves.why": (
        "The mean loss goes from {start} to {end} {u}; the lowest training loss any parameters reach on these {n} "
        "examples is {floor} {u}, so the run covers {frac} of the way.",
        "平均损失从 {start} 变到 {end} {u}；在这 {n} 个样本上，任何参数能达到的最低训练损失为 {floor} {u}，"
        "所以这次训练走完了 {frac} 的路程。",
    ),
    "tutorial.c8.moves.fall": (
        "Does the loss barely move at learning rate {lr}? Over the {epochs} epochs the mean loss falls from {start} "
        "to {end} {u}, {pct} lower.",
        "学习率 {lr} 下损失是不是几乎不动？{epochs} 轮中平均损失从 {start} 降到 {end} {u}，降低了 {pct}。",
    ),
    "tutorial.c8.moves.rise": (
        "Does the loss barely move at learning rate {lr}? Over the {epochs} epochs the mean loss rises from {start} "
        "to {end} {u}, {pct} higher.",
        "学习率 {lr} 下损失是不是几乎不动？{epochs} 轮中平均损失从 {start} 升到 {end} {u}，升高了 {pct}。",
    ),
    "tutorial.c8.moves.room": (
        "But there is little room: the labels are random, so on new data no model can expect a loss below "
        "{chance} {u}, that of giving each of the {k} classes probability 1/{k}; on these {n} examples the lowest "
        "training loss any parameters reach is {floor} {u}, by fitting the noise.",
        "但下降的空间本来就小：标签是随机的，所以在新数据上，没有模型能期望损失低于 {chance} {u}，即给 {k} 个类别各赋"
        "概率 1/{k} 时的损失；在这 {n} 个样本上，任何参数能达到的最低训练损失是 {floor} {u}，靠的是拟合噪声。",
    ),
    "tutorial.c8.moves.most": (
        "The run covers **{frac}** of the way from its start to that lowest value: far from barely moving, it has "
        "done most of what these data allow.",
        "这次训练走完了从起点到该最低值的 **{frac}**：远不是“几乎不动”，这些数据所允许的下降它已完成了大半。",
    ),
    "tutorial.c8.moves.little": (
        "The run covers only **{frac}** of the way from its start to that lowest value: at this learning rate most "
        "of the way is still ahead.",
        "这次训练只走完了从起点到该最低值的 **{frac}**：在这个学习率下，大部分路程还在后面。",
    ),
    "tutorial.c8.nll.header": ("What the loss measures: a likelihood", "这个损失衡量什么：似然"),
    "tutorial.c8.nll.body": (
        "The mean cross-entropy of a model on labelled data is the average surprise −log q(y) at each true label: "
        "the **negative log-likelihood** of the labels, also called **log loss**, so minimising it is "
        "maximum-likelihood estimation. After the {epochs} epochs the corrected model's mean is L = {mean} {u} over "
        "N = {n} examples, so it gives the {n} labels it saw, all together, probability "
        "{b}^(−N·L) = {b}^(−{total}) = **{prob}**. The first {rows} examples:",
        "模型在带标签数据上的平均交叉熵，就是它对每个真实标签的“意外程度” −log q(y) 的平均：即这些标签的"
        "**负对数似然**，也叫**对数损失**，所以最小化它就是最大似然估计。训练 {epochs} 轮后，修正模型在 N = {n} "
        "个样本上的平均值为 L = {mean} {u}，因此它给所见过的这 {n} 个标签整体赋予的概率是 "
        "{b}^(−N·L) = {b}^(−{total}) = **{prob}**。前 {rows} 个样本：",
    ),
    "tutorial.c8.nll.example": ("example", "样本"),
    "tutorial.c8.nll.q": ("q(y): the model's probability for it", "q(y)：模型给它的概率"),
    "tutorial.c8.ratio": ("ratio", "比值"),
    "tutorial.c8.large.header": ("Large inputs", "大数值输入"),
    "tutorial.c8.large.body": (
        "Multiply the inputs by a factor: logits grow, the sigmoid or softmax rounds some probabilities to exactly 0 "
        "or 1, and a plain log of 0 is −∞; times a zero label that is nan. The corrected loss is computed from the "
        "logits and never takes the log of a rounded probability.",
        "把输入乘以一个倍数：logits 变大，sigmoid 或 softmax 会把某些概率舍入为恰好 0 或 1，对 0 直接取 log 得到 −∞，"
        "再乘以为 0 的标签就成了 nan。修正后的损失直接由 logits 计算，从不对舍入后的概率取 log。",
    ),
    "tutorial.c8.scale": ("Input scale (×)", "输入缩放倍数（×）"),
    "tutorial.c8.bad": (
        "At ×{scale}: {bad} of the tutorial's {total} printed losses are not finite; {good} of the corrected "
        "method's {total} are finite.",
        "在 ×{scale} 时：教程打印的 {total} 个损失中有 {bad} 个不是有限数；修正方法的 {total} 个中有 {good} 个是有限数。",
    ),
    "tutorial.c8.large.stable": (
        "At ×{scale} the corrected mean loss falls at every one of the {steps} steps, from {start} to {end} {u}.",
        "在 ×{scale} 时，修正后的平均损失在全部 {steps} 步中每一步都下降，从 {start} 降到 {end} {u}。",
    ),
    "tutorial.c8.large.unstable": (
        "Finite is not the same as trained. At ×{scale} the corrected mean loss goes up at {rises} of the {steps} "
        "steps and ends at {end} {u}, from a start of {start} {u}{peak}: the gradient grows with the inputs, so "
        "learning rate {lr} overshoots back and forth. Standardising the inputs (each feature to mean 0 "
        "and standard deviation 1) or a small enough learning rate fixes it. The last column is the same corrected "
        "program on the standardised inputs: {std}.",
        "有限不等于训练好了。在 ×{scale} 时，修正后的平均损失在 {steps} 步中有 {rises} 步上升，起点为 {start} {u}"
        "{peak}，最后为 {end} {u}：梯度随输入一起变大，学习率 {lr} 于是来回越过最低点。把输入标准化（每个特征"
        "化为均值 0、标准差 1）或把学习率减到足够小即可解决。最后一列是同一修正程序在标准化输入上的结果：{std}。",
    ),
    "tutorial.c8.large.peak": (", peaking at {peak} {u} on the way", "，途中最高到 {peak} {u}"),
    "tutorial.c8.std.falls": (
        "from {start} to {end} {u}, falling at every step",
        "从 {start} 降到 {end} {u}，每一步都下降",
    ),
    "tutorial.c8.std.rises": (
        "from {start} to {end} {u}, going up at {rises} steps",
        "从 {start} 到 {end} {u}，有 {rises} 步上升",
    ),
    "tutorial.c8.single": (
        "One example at a time, logits of magnitude {m}:",
        "逐个样本来看，logits 的绝对值为 {m}：",
    ),
    "tutorial.c8.z": ("logit z", "logit z"),
    "tutorial.c8.logits": ("logits", "logits"),
    "tutorial.c8.label": ("label y", "标签 y"),
    "tutorial.c8.article_loss": ("tutorial's loss", "教程的损失"),
    "tutorial.c8.stable_loss": ("stable loss", "稳定的损失"),
    "tutorial.c8.learn.header": ("Random labels against learnable data", "随机标签与可学习数据"),
    "tutorial.c8.learn.body": (
        "The tutorial's labels are drawn at random, independently of the inputs: there is nothing to learn, and on "
        "fresh data from the same process neither method beats guessing the most frequent label. Give the corrected "
        "method data with structure ({data}) and it learns; so does the tutorial's, whose gradients are right.",
        "教程的标签是随机抽取的，与输入无关：没有任何东西可学，在同一随机过程新抽取的数据上，两种方法都不比"
        "“总猜最常见的标签”更好。给修正方法有结构的数据（{data}），它就能学会；教程的方法也能学会，因为它的梯度是对的。",
    ),
    "tutorial.c8.run": ("data, method", "数据与方法"),
    "tutorial.c8.run.cell": ("{data}, {method}", "{data}，{method}"),
    "tutorial.c8.train": ("training accuracy", "训练准确率"),
    "tutorial.c8.held_out": ("held-out accuracy", "留出集准确率"),
    "tutorial.c8.chance": ("most frequent label", "总猜最常见标签"),
    "tutorial.c8.random": ("tutorial's random labels", "教程的随机标签"),
    "tutorial.c8.blobs": ("two separated blobs", "两团分离的点"),
    "tutorial.c8.iris": ("iris flowers", "鸢尾花"),
    "tutorial.c8.article": ("tutorial's method", "教程的方法"),
    "tutorial.c8.corrected": ("corrected method", "修正后的方法"),
    "tutorial.c8.learn.note": (
        "Tutorial's method: standard-normal start, learning rate {lr_a}. Corrected: zero start, learning rate "
        "{lr_c}. Both {epochs} epochs. Held-out: a fresh draw for the random labels, a stratified quarter otherwise.",
        "教程的方法：标准正态初始化，学习率 {lr_a}。修正方法：零初始化，学习率 {lr_c}。均训练 {epochs} 轮。"
        "留出集：随机标签使用重新抽取的数据，其余使用分层抽取的四分之一数据。",
    ),
    "tutorial.c8.code.header": ("The code that ran", "实际运行的代码"),
    "tutorial.c8.code.article": ("The tutorial's method, re-implemented", "教程的方法（重新实现）"),
    "tutorial.c8.code.corrected": ("The corrected method", "修正后的方法"),
    "tutorial.c8.code.note": (
        "The loss and its gradient come from `xentcore.losses`, computed from the logits (`softplus` or "
        "`log_softmax`, by log-sum-exp) and tested against SciPy and scikit-learn.",
        "损失及其梯度来自 `xentcore.losses`，直接由 logits 计算（用 `softplus` 或 `log_softmax`，"
        "即先取最大值再求指数和的对数），并已对照 SciPy 和 scikit-learn 测试。",
    ),
    # 9 case studies
    "tutorial.c9.title": ("The two success stories", "两个成功案例"),
    "tutorial.c9.claim": (
        "adjusting the cross-entropy loss lifted a disease-diagnosis model from 85 % to 92 % accuracy, and using "
        "cross-entropy lifted CIFAR-10 accuracy from 75 % to 82 %.",
        "调整交叉熵损失让一个疾病诊断模型的准确率从 85% 提升到 92%；使用交叉熵让 CIFAR-10 的准确率从 75% 提升到 82%。",
    ),
    "tutorial.c9.check": (
        "Neither figure comes with a source, data or code, so neither can be checked. Here is a comparison that can "
        "be measured: logistic regression on the bundled Wisconsin breast-cancer data ({n} patients, {d} "
        "measurements), trained once with cross-entropy and once with MSE, from the same starting point for the "
        "same number of epochs, scored on a held-out quarter. Learning rates: {rates}",
        "这两个数字都没有给出出处、数据或代码，因此都无法核验。下面是一个可以实际测量的对比：在内置的威斯康星乳腺癌数据"
        "（{n} 位患者，{d} 项测量）上训练逻辑回归，一次用交叉熵、一次用 MSE，起点相同、轮数相同，并在留出的四分之一"
        "数据上评分。学习率：{rates}",
    ),
    "tutorial.c9.epochs": ("Epochs", "训练轮数"),
    "tutorial.c9.init": ("Starting point", "初始参数"),
    "tutorial.c9.init.normal": ("standard normal, as the tutorial does", "标准正态（与教程相同）"),
    "tutorial.c9.init.small": ("near zero", "接近零"),
    "tutorial.c9.rates.same": (
        "{lr} for both (the third control gives MSE a larger one).",
        "两者都是 {lr}（第三个控件可以给 MSE 更大的学习率）。",
    ),
    "tutorial.c9.rates.more": (
        "{lr} for cross-entropy, {mse_lr} for MSE ({factor} times as large, the third control).",
        "交叉熵为 {lr}，MSE 为 {mse_lr}（{factor} 倍，见第三个控件）。",
    ),
    "tutorial.c9.mlr": ("MSE's learning rate (× cross-entropy's)", "MSE 的学习率（交叉熵的倍数）"),
    "tutorial.c9.reading": (
        "After {epochs} epochs: cross-entropy reaches **{ce}** held-out accuracy, MSE **{mse}**.",
        "训练 {epochs} 轮后：交叉熵的留出集准确率为 **{ce}**，MSE 为 **{mse}**。",
    ),
    "tutorial.c9.why": (
        "For every patient, MSE's gradient on the logit is cross-entropy's times 2σ′(z), at most 1/2 (claim 7): at "
        "the same learning rate each example pushes at most half as hard. At this start, {wrong} of the {n_train} "
        "training patients are on the wrong side, {confident} confidently so (|z| > {zc}, where MSE's push is more "
        "than {ratio_zc} times weaker), and the median ratio of the two pushes is {median}.",
        "对每位患者，MSE 关于 logit 的梯度等于交叉熵的梯度乘以 2σ′(z)，至多为 1/2（见第 7 条）：学习率相同时，每个样本"
        "的推动力至多只有一半。在这个起点，{n_train} 位训练患者中有 {wrong} 被分到了错误的一侧，其中 {confident} 是"
        "“自信地”分错（|z| > {zc}，此处 MSE 的推动力弱了 {ratio_zc} 倍以上）；两种推动力之比的中位数为 {median}。",
    ),
    "tutorial.c9.gap.lag": (
        "So MSE's lag is not saturation alone: even a patient right at the boundary gets at most half the push. "
        "Raise MSE's learning rate to see how much of the gap that factor explains.",
        "所以 MSE 落后不只是因为饱和：即使恰好位于分界线上的患者，得到的推动力也至多只有一半。提高 MSE 的学习率，"
        "看看这个因子能解释多少差距。",
    ),
    "tutorial.c9.gap.lag_more": (
        "With MSE's learning rate {factor} times as large, cross-entropy still leads, by {gap} percentage points.",
        "即使 MSE 的学习率是 {factor} 倍，交叉熵仍领先 {gap} 个百分点。",
    ),
    "tutorial.c9.gap.even": (
        "With these settings MSE reaches the same held-out accuracy as cross-entropy.",
        "在这组设定下，MSE 的留出集准确率与交叉熵相同。",
    ),
    "tutorial.c9.gap.ahead": (
        "With these settings MSE is ahead, by {gap} percentage points.",
        "在这组设定下，MSE 领先 {gap} 个百分点。",
    ),
    "tutorial.c9.moral": (
        "How much cross-entropy helps depends on the set-up, which is why a bare before-and-after figure says little "
        "without one.",
        "交叉熵能带来多少提升取决于具体设定，所以只给出前后两个数字而不交代设定，说明不了什么。",
    ),
    "tutorial.c9.loss": ("loss", "损失函数"),
    "tutorial.c9.lr": ("learning rate", "学习率"),
    "tutorial.c9.ce.unit": ("cross-entropy ({u})", "交叉熵（{u}）"),
    "tutorial.c9.mse.lr": ("MSE, learning rate {lr}", "MSE，学习率 {lr}"),
    "tutorial.c9.final_loss": ("final training loss", "最终训练损失"),
    "tutorial.alt.c9": (
        "Held-out accuracy per epoch over {epochs} epochs: cross-entropy ends at {ce}, MSE (learning rate "
        "{mse_lr}) at {mse}.",
        "{epochs} 轮中每轮的留出集准确率：交叉熵最终为 {ce}，MSE（学习率 {mse_lr}）最终为 {mse}。",
    ),
    "tutorial.c9.ce": ("cross-entropy", "交叉熵"),
    "tutorial.c9.mse": ("MSE", "MSE"),
    "tutorial.c9.x": ("epoch", "轮次"),
    "tutorial.c9.y": ("held-out accuracy", "留出集准确率"),
    "tutorial.c9.note": (
        "Each loss is reported in its own terms (cross-entropy in {u}, MSE in squared probability, which has no "
        "unit), so compare accuracies across the two, not losses.",
        "两种损失各有各的度量（交叉熵以 {u} 计，MSE 是概率差的平方，没有单位），因此应比较准确率，而不是损失值。",
    ),
    "tutorial.c9.link": ("the same race on other data, animated", "在其他数据上观看同样的比赛（动画）"),
}
