"""Distributions page text."""

TEXT = {
    "distributions.lead": (
        "Two distributions over the same classes: the **true P** (how the world behaves) and a **model Q** "
        "(what a forecaster or a classifier believes). Drag the bars and watch the identity "
        "**H(P, Q) = H(P) + KL(P‖Q)** move: the cross-entropy is the entropy of the truth, which no model can "
        "beat, plus the KL divergence, the price of believing Q.",
        "同一组类别上的两个分布：**真实分布 P**（世界的真实规律）和**模型分布 Q**（预报员或分类器的判断）。"
        "拖动滑块，观察恒等式 **H(P, Q) = H(P) + KL(P‖Q)** 如何变化：交叉熵等于真实分布的熵"
        "（任何模型都无法低于它），再加上 KL 散度（相对熵），即相信 Q 所付出的代价。",
    ),
    "distributions.edit.header": ("Edit P and Q", "编辑 P 和 Q"),
    "distributions.presets": ("Presets", "预设"),
    "distributions.preset.weather": ("Weather example", "天气例子"),
    "distributions.preset.weather.help": (
        "The tutorial's example: P = ({p}), Q = ({q}).",
        "教程中的例子：P = ({p})，Q = ({q})。",
    ),
    "distributions.preset.uniform_q": ("Uniform Q", "均匀的 Q"),
    "distributions.preset.uniform_q.help": (
        "A model that knows nothing: every class 1/K.",
        "一无所知的模型：每个类别的概率都是 1/K。",
    ),
    "distributions.preset.one_hot_p": ("One-hot P", "独热的 P"),
    "distributions.preset.one_hot_p.help": (
        "A certain truth, like a label: all of P on its most likely class. H(P) = 0, and H(P, Q) = −log q of "
        "that class: the log loss.",
        "确定的真相（就像一个标签）：P 的全部概率集中在最可能的类别上。此时 H(P) = 0，"
        "而 H(P, Q) = 该类别的 −log q，即对数损失。",
    ),
    "distributions.preset.q_equals_p": ("Q = P", "Q = P"),
    "distributions.preset.q_equals_p.help": (
        "A perfect model: KL = 0, and H(P, Q) = H(P), which is 0 only when P is one-hot.",
        "完美的模型：KL = 0，H(P, Q) = H(P)；只有当 P 是独热分布时它才为 0。",
    ),
    "distributions.preset.confident_wrong": ("Confident wrong Q", "自信但错误的 Q"),
    "distributions.preset.confident_wrong.help": (
        "Q puts {pct} % on the class P finds least likely, the rest spread evenly.",
        "Q 把 {pct}% 的概率押在 P 认为最不可能的类别上，其余平均分配。",
    ),
    "distributions.preset.zero_q": ("Q with a zero", "含零概率的 Q"),
    "distributions.preset.zero_q.help": (
        "Q gives probability 0 to P's most likely class: cross-entropy becomes infinite.",
        "Q 给 P 最可能的类别赋予概率 0：交叉熵变为无穷大。",
    ),
    "distributions.k": ("Number of classes K", "类别数 K"),
    "distributions.k.help": (
        "A new class gets probability 1/K in P and in Q, and the others shrink in proportion; removing "
        "classes drops the last ones and renormalises the rest.",
        "新增的类别在 P 和 Q 中的概率都是 1/K，其余类别按比例缩小；减少类别时去掉最后的类别，其余重新归一化。",
    ),
    "distributions.p.header": ("True P", "真实分布 P"),
    "distributions.q.header": ("Model Q", "模型分布 Q"),
    "distributions.sliders.help": (
        "Moving one bar rescales the others in proportion (or shares the rest evenly when they are all 0), so "
        "the distribution always sums to 1. Sliders step by 0.01; for exact values use the table below.",
        "移动一个滑块时，其余各项按比例缩放（若其余都为 0，则平均分配剩余概率），分布之和始终为 1。"
        "滑块步长为 0.01；需要精确数值请使用下方表格。",
    ),
    "distributions.table.header": ("Type exact values and rename classes", "输入精确数值、重命名类别"),
    "distributions.table.intro": (
        "Type any non-negative weights: they need not sum to 1, each column is normalised for you.",
        "可以输入任意非负权重，不必加起来等于 1：每一列都会自动归一化。",
    ),
    "distributions.table.name": ("Class", "类别"),
    "distributions.table.p": ("True P (weight)", "真实 P（权重）"),
    "distributions.table.q": ("Model Q (weight)", "模型 Q（权重）"),
    "distributions.table.normalised": (
        "{which} weights summed to {total}; normalised to sum to 1.",
        "“{which}”的权重之和为 {total}，已归一化为和为 1。",
    ),
    "distributions.table.bad": (
        "Could not use the {which} column: {detail}. The last valid values are kept.",
        "无法使用“{which}”列：{detail}。已保留上一次的有效数值。",
    ),
    "distributions.table.bad_name": (
        "Class {index} needs a name (commas and control characters are removed). The last valid names are kept.",
        "第 {index} 个类别需要一个名称（逗号和控制字符会被去掉）。已保留上一次的有效名称。",
    ),
    "distributions.error.nan": ("a cell is empty or not a number", "有单元格为空或不是数字"),
    "distributions.error.negative": ("weights must be 0 or more", "权重必须大于或等于 0"),
    "distributions.error.zero": ("all weights are zero", "所有权重都是 0"),
    "distributions.error.infinite": ("a weight is infinite", "有权重为无穷大"),
    "distributions.error.other": ("the numbers cannot form a distribution", "这些数值无法构成一个分布"),
    "distributions.name.class": ("class {k}", "类别 {k}"),
    "distributions.numbers.header": ("The numbers", "数值"),
    "distributions.numbers.caption": (
        "In {unit}. P is always the true distribution and Q the model; H(P, Q) averages Q's surprise over "
        "outcomes drawn from P.",
        "单位：{unit}。P 始终是真实分布，Q 是模型；H(P, Q) 是按 P 抽取结果时 Q 的平均“意外程度”。",
    ),
    "distributions.m.h_p": ("H(P): entropy of true P", "H(P)：真实 P 的熵"),
    "distributions.m.h_q": ("H(Q): entropy of model Q", "H(Q)：模型 Q 的熵"),
    "distributions.m.ce_pq": ("H(P, Q): cross-entropy", "H(P, Q)：交叉熵"),
    "distributions.m.ce_qp": ("H(Q, P): roles swapped", "H(Q, P)：角色互换"),
    "distributions.m.kl_pq": ("KL(P‖Q)", "KL(P‖Q)"),
    "distributions.m.kl_qp": ("KL(Q‖P)", "KL(Q‖P)"),
    "distributions.m.js": ("JS(P, Q)", "JS(P, Q)"),
    "distributions.m.ce_pq.help": (
        "Average code length when outcomes come from true P but the code is built for model Q.",
        "结果来自真实分布 P、但编码按模型 Q 设计时的平均编码长度。",
    ),
    "distributions.m.ce_qp.help": (
        "The same formula with true and model swapped: outcomes from Q, code built for P.",
        "把真实分布与模型互换后的同一公式：结果来自 Q，编码按 P 设计。",
    ),
    "distributions.m.kl_pq.help": (
        "Extra cost of using model Q when the truth is P: H(P, Q) − H(P).",
        "真实分布为 P 时使用模型 Q 的额外代价：H(P, Q) − H(P)。",
    ),
    "distributions.m.kl_qp.help": (
        "Reverse KL: the extra cost when the truth is Q and the model P.",
        "反向 KL：真实分布为 Q、模型为 P 时的额外代价。",
    ),
    "distributions.m.js.help": (
        "Jensen-Shannon divergence: symmetric, always finite, at most 1 bit (0.6931 nats).",
        "Jensen-Shannon 散度：对称，始终有限，最大为 1 bit（0.6931 nat）。",
    ),
    "distributions.m.delta": ("+{kl} over H(P)", "比 H(P) 多 {kl}"),
    "distributions.inf.pq": (
        "H(P, Q) and KL(P‖Q) are ∞: model Q gives **{name}** probability 0, yet it happens under true P "
        "(p = {p}). A code built for Q has no codeword for it: the cost is infinite.",
        "H(P, Q) 与 KL(P‖Q) 为 ∞：模型 Q 给 **{name}** 的概率是 0，但在真实分布 P 下它会发生（p = {p}）。"
        "按 Q 设计的编码没有它的码字，代价无穷大。",
    ),
    "distributions.inf.qp": (
        "H(Q, P) and KL(Q‖P) are ∞: true P gives **{name}** probability 0 while model Q gives it {q}.",
        "H(Q, P) 与 KL(Q‖P) 为 ∞：真实分布 P 给 **{name}** 的概率是 0，而模型 Q 给它 {q}。",
    ),
    "distributions.pictures.header": ("Pictures", "图示"),
    # the pictures' tabs: short enough that all four fit a phone's width; each tab opens with the full title
    "distributions.tab.bars": ("P and Q", "P 与 Q"),
    "distributions.tab.contrib": ("H + KL", "H + KL"),
    "distributions.tab.code": ("Code lengths", "编码长度"),
    "distributions.tab.simplex": ("Every Q", "所有 Q"),
    "distributions.fig.bars": ("P and Q, class by class", "逐类比较 P 与 Q"),
    "distributions.fig.prob": ("probability", "概率"),
    "distributions.fig.p": ("true P", "真实 P"),
    "distributions.fig.q": ("model Q", "模型 Q"),
    "distributions.fig.contrib": ("Where the cross-entropy comes from", "交叉熵从何而来"),
    "distributions.fig.contrib.caption": (
        "Each class's term −pᵢ log qᵢ is its entropy part −pᵢ log pᵢ plus its KL part pᵢ log(pᵢ/qᵢ). "
        "A KL part is negative (hatched) where Q gives a class more than P does (qᵢ > pᵢ > 0); the parts always "
        "add up to KL ≥ 0 (last column: H(P) + KL(P‖Q) = H(P, Q), to scale).",
        "每个类别的项 −pᵢ log qᵢ 等于熵部分 −pᵢ log pᵢ 加上 KL 部分 pᵢ log(pᵢ/qᵢ)。"
        "Q 给某个类别的概率高于 P 时（qᵢ > pᵢ > 0），它的 KL 部分为负（斜线阴影）；各部分之和始终是 KL ≥ 0"
        "（最后一列按比例画出 H(P) + KL(P‖Q) = H(P, Q)）。",
    ),
    "distributions.fig.h_part": ("entropy part −p log p", "熵部分 −p log p"),
    "distributions.fig.kl_part": ("KL part p log(p/q)", "KL 部分 p log(p/q)"),
    "distributions.fig.kl_neg": ("negative KL part (q > p)", "负的 KL 部分（q > p）"),
    "distributions.fig.total": ("Σ total", "Σ 合计"),
    "distributions.fig.per_class": ("contribution ({unit})", "贡献（{unit}）"),
    "distributions.fig.code": ("Code lengths", "编码长度"),
    "distributions.fig.code.caption": (
        "After Colah's *Visual Information Theory*: each class is a bar as wide as its probability pᵢ and "
        "as tall as its codeword in a code built for Q, −log qᵢ. Its area is its term of H(P, Q), so the "
        "shaded area is H(P, Q). The outline is the best possible code, height −log pᵢ, area H(P): the "
        "shaded area beyond it, net, is KL(P‖Q).",
        "仿照克里斯·奥拉的文章《可视化信息论》：每个类别画成一根柱子，宽度为其概率 pᵢ，高度为按 Q "
        "设计的编码中该类码字的长度 −log qᵢ。柱子面积就是它对 H(P, Q) 的贡献，阴影总面积即 H(P, Q)。"
        "轮廓线是最优编码，高度 −log pᵢ，面积为 H(P)；阴影面积超出它的净值就是 KL(P‖Q)。",
    ),
    "distributions.fig.q_code": ("code built for Q: height −log q", "按 Q 设计的编码：高度 −log q"),
    "distributions.fig.p_code": ("best code (for P): height −log p", "最优编码（按 P）：高度 −log p"),
    "distributions.fig.code.x": ("probability pᵢ (bar width)", "概率 pᵢ（柱宽）"),
    "distributions.fig.code.y": ("code length ({unit})", "编码长度（{unit}）"),
    "distributions.fig.simplex": ("Every possible Q at once", "一次看遍所有可能的 Q"),
    "distributions.fig.simplex.caption": (
        "Each point of the triangle is one model Q over the three classes (a corner is all-in on one "
        "class). The colour is {measure} for that Q; the darkest spot, the minimum, is exactly at P (★), "
        "and its value there is {minimum}. Your Q is the dot.",
        "三角形中的每一点都是三个类别上的一个模型 Q（顶点表示全部押在一个类别上）。颜色表示该 Q 的"
        "{measure}；颜色最深处即最小值，正好位于 P（★），那里的值为 {minimum}。圆点是你当前的 Q。",
    ),
    "distributions.fig.simplex.k": (
        "The triangle picture needs exactly 3 classes (you have {k}); set K = 3 to see it.",
        "三角形图示需要恰好 3 个类别（当前为 {k} 个）；将 K 设为 3 即可查看。",
    ),
    "distributions.sx": ("Colour by", "颜色表示"),
    "distributions.sx.ce": ("cross-entropy H(P, Q)", "交叉熵 H(P, Q)"),
    "distributions.sx.kl": ("KL(P‖Q)", "KL(P‖Q)"),
    "distributions.sx.same": (
        "The two colourings are the same picture shifted by the constant H(P): moving Q changes only the KL part.",
        "两种着色其实是同一幅图，只差一个常数 H(P)：移动 Q 只改变 KL 部分。",
    ),
    "distributions.worked.header": ("The calculation, written out", "完整的计算过程"),
    "distributions.worked.intro": (
        "The tutorial writes H(P, Q) for its weather example and stops at “by computing we get the value”. "
        "Here it is for your current P and Q, term by term, in {unit}:",
        "教程写出了天气例子的 H(P, Q)，却停在“通过计算可以得到结果”。这里针对你当前的 P 和 Q 逐项算出，单位为 {unit}：",
    ),
    "distributions.worked.zero": (
        "Classes with pᵢ = 0 add nothing: 0 · log qᵢ = 0, even where qᵢ = 0 (0 · log 0 = 0 by convention).",
        "pᵢ = 0 的类别不贡献任何值：0 · log qᵢ = 0，即使 qᵢ = 0 也是如此（按约定 0 · log 0 = 0）。",
    ),
    "distributions.worked.code": ("The code that computed it", "计算它的代码"),
    "distributions.props.header": ("Properties, checked live", "性质实时检验"),
    "distributions.props.ce_ge_h": (
        "**H(P, Q) ≥ H(P)**: {ce} ≥ {h}. The margin H(P, Q) − H(P) = {margin} is KL(P‖Q) = {kl}.",
        "**H(P, Q) ≥ H(P)**：{ce} ≥ {h}。差值 H(P, Q) − H(P) = {margin}，正是 KL(P‖Q) = {kl}。",
    ),
    "distributions.props.kl_ge_0": (
        "**KL ≥ 0**: KL(P‖Q) = {kl_pq} and KL(Q‖P) = {kl_qp}, both ≥ 0, and 0 only when Q = P.",
        "**KL ≥ 0**：KL(P‖Q) = {kl_pq}，KL(Q‖P) = {kl_qp}，都 ≥ 0，且仅当 Q = P 时为 0。",
    ),
    "distributions.props.asym": (
        "**Cross-entropy is not symmetric**: H(P, Q) = {ce_pq} but H(Q, P) = {ce_qp}; which distribution is "
        "the truth matters.",
        "**交叉熵不对称**：H(P, Q) = {ce_pq}，而 H(Q, P) = {ce_qp}；哪个分布是真实分布很重要。",
    ),
    "distributions.props.sym_equal": (
        "**Cross-entropy is not symmetric in general**: here H(P, Q) = H(Q, P) = {ce_pq}, but for most pairs "
        "the two differ.",
        "**交叉熵一般不对称**：此刻 H(P, Q) = H(Q, P) = {ce_pq}，但对大多数分布对，两者并不相等。",
    ),
    "distributions.props.h_le_log_k": (
        "**H(P) ≤ log K**, with equality only for a uniform P: here H(P) = {h} < log K = {log_k} (K = {k}); "
        "the gap is KL(P‖U) = {gap}, P's divergence from the uniform U.",
        "**H(P) ≤ log K**，仅当 P 均匀时取等号：此刻 H(P) = {h} < log K = {log_k}（K = {k}）；"
        "差值就是 P 与均匀分布 U 的 KL(P‖U) = {gap}。",
    ),
    "distributions.props.h_le_log_k.uniform": (
        "**H(P) ≤ log K**, with equality only for a uniform P: here P is uniform, so H(P) = log K = {log_k} "
        "(K = {k}), the largest entropy {k} classes allow.",
        "**H(P) ≤ log K**，仅当 P 均匀时取等号：此刻 P 是均匀分布，所以 H(P) = log K = {log_k}（K = {k}），"
        "这是 {k} 个类别所能达到的最大熵。",
    ),
    "distributions.props.kl_asym": (
        "**KL is not symmetric**: KL(P‖Q) = {kl_pq} but KL(Q‖P) = {kl_qp}.",
        "**KL 不对称**：KL(P‖Q) = {kl_pq}，而 KL(Q‖P) = {kl_qp}。",
    ),
    "distributions.props.kl_sym_equal": (
        "**KL is not symmetric in general**: here KL(P‖Q) = KL(Q‖P) = {kl}, but for most pairs the two differ.",
        "**KL 一般不对称**：此刻 KL(P‖Q) = KL(Q‖P) = {kl}，但对大多数分布对，两者并不相等。",
    ),
    "distributions.props.triangle.shorter": (
        "**No triangle inequality either**, so KL is not a distance: the detour from P to Q through their "
        "mixture M = (P + Q)/2 costs KL(P‖M) + KL(M‖Q) = {pm} + {mq} {eq} {detour}, less than the direct "
        "KL(P‖Q) = {pq}.",
        "**也不满足三角不等式**，所以 KL 不是距离：从 P 经由两者的混合 M = (P + Q)/2 绕道到 Q，"
        "代价 KL(P‖M) + KL(M‖Q) = {pm} + {mq} {eq} {detour}，反而小于直接的 KL(P‖Q) = {pq}。",
    ),
    "distributions.props.triangle.same": (
        "**No triangle inequality either**, so KL is not a distance. Here Q = P and every route costs {zero}; "
        "for any Q ≠ P with a finite KL(P‖Q), the detour through the mixture M = (P + Q)/2 costs less than "
        "the direct way: KL(P‖M) + KL(M‖Q) < KL(P‖Q).",
        "**也不满足三角不等式**，所以 KL 不是距离。此刻 Q = P，每条路径的代价都是 {zero}；"
        "但只要 Q ≠ P 且 KL(P‖Q) 有限，经由混合 M = (P + Q)/2 绕道的代价就小于直接的代价："
        "KL(P‖M) + KL(M‖Q) < KL(P‖Q)。",
    ),
    "distributions.props.triangle.infinite": (
        "**No triangle inequality either**, so KL is not a distance, though it cannot show here: KL(P‖Q) = ∞, "
        "and every detour through some R costs ∞ too (a finite KL(R‖Q) needs R to give 0 where Q does, and "
        "then KL(P‖R) = ∞). For any Q ≠ P with a finite KL(P‖Q), the detour through the mixture "
        "M = (P + Q)/2 costs less than the direct way.",
        "**也不满足三角不等式**，所以 KL 不是距离，只是此刻看不出来：KL(P‖Q) = ∞，经由任何 R 绕道的代价也是 ∞"
        "（KL(R‖Q) 有限要求 R 在 Q 为 0 处也为 0，于是 KL(P‖R) = ∞）。只要 Q ≠ P 且 KL(P‖Q) 有限，"
        "经由混合 M = (P + Q)/2 绕道的代价就小于直接的代价。",
    ),
    "distributions.props.log_loss": (
        "**Log loss**: P is one-hot on **{name}**, so H(P, Q) = −log q({name}) = −log {q} = {ce}. The "
        "cross-entropy of a one-hot P is the log loss of a classifier that gave the true class probability {q}.",
        "**对数损失**：P 是集中在 **{name}** 上的独热分布，所以 H(P, Q) = −log q({name}) = −log {q} = {ce}。"
        "独热 P 的交叉熵就是分类器给真实类别概率 {q} 时的对数损失。",
    ),
    "distributions.props.log_loss.zero": (
        "**Log loss**: P is one-hot on **{name}** and Q gives it probability 0, so H(P, Q) = −log 0 = ∞: a "
        "classifier that rules out the class that happens pays an infinite log loss.",
        "**对数损失**：P 是集中在 **{name}** 上的独热分布，而 Q 给它的概率是 0，所以 H(P, Q) = −log 0 = ∞："
        "排除了实际发生的类别的分类器，要付出无穷大的对数损失。",
    ),
    "distributions.props.fix.title": ("Correcting the tutorial", "更正教程"),
    "distributions.props.fix": (
        "The tutorial says cross-entropy is 0 if and only if the prediction equals the truth. It is not: "
        "with Q = P, H(P, Q) = H(P), the entropy of the truth, which is 0 only when P is one-hot (a certain "
        "outcome). What is 0 at Q = P is the KL divergence.",
        "教程说“当且仅当预测分布等于真实分布时，交叉熵为 0”。这是错的：当 Q = P 时，H(P, Q) = H(P)，"
        "即真实分布的熵，只有当 P 是独热分布（结果确定）时它才为 0。在 Q = P 时等于 0 的是 KL 散度。",
    ),
    "distributions.props.fix.button": ("Set Q = P and see", "设 Q = P 看看"),
    "distributions.props.fix.now": (
        "Now Q = P: KL(P‖Q) = {kl}, and H(P, Q) = {ce} = H(P), **not 0**.",
        "现在 Q = P：KL(P‖Q) = {kl}，而 H(P, Q) = {ce} = H(P)，**并不是 0**。",
    ),
    "distributions.props.fix.one_hot": (
        "Now Q = P and P is one-hot: H(P, Q) = H(P) = {ce}. This is the one case where cross-entropy is 0.",
        "现在 Q = P 且 P 是独热分布：H(P, Q) = H(P) = {ce}。这是交叉熵为 0 的唯一情形。",
    ),
    "distributions.fit.header": (
        "Forward or reverse KL: which Q fits a two-peaked P?",
        "正向还是反向 KL：哪个 Q 拟合双峰的 P？",
    ),
    "distributions.fit.intro": (
        "Say the truth P has two peaks but the model can only be one bell curve. Minimising **KL(P‖Q)** "
        "(forward; what cross-entropy training does) punishes Q wherever P has mass Q misses, so Q spreads "
        "to cover both peaks: *mass-covering*. Minimising **KL(Q‖P)** (reverse; used in variational "
        "inference) punishes Q for putting mass where P has little, so Q hides inside one peak: "
        "*mode-seeking*. Pull the peaks apart to see the two answers part.",
        "设真实分布 P 有两个峰，而模型只能是一条钟形曲线。最小化 **KL(P‖Q)**（正向，即交叉熵训练所做的事）"
        "会惩罚 P 有概率而 Q 没覆盖的地方，于是 Q 铺开、覆盖两个峰：*质量覆盖*。"
        "最小化 **KL(Q‖P)**（反向，变分推断中常用）会惩罚 Q 把概率放在 P 很少出现的地方，于是 Q 躲进"
        "一个峰里：*模式寻求*。把两个峰拉开，看两个答案如何分道扬镳。",
    ),
    "distributions.fit.sep": ("Distance between the peaks", "两峰间距"),
    "distributions.fit.w": ("Weight of the left peak", "左峰权重"),
    "distributions.fit.p": ("two-peaked P", "双峰的 P"),
    "distributions.fit.forward": ("Q minimising KL(P‖Q): forward", "最小化 KL(P‖Q) 的 Q：正向"),
    "distributions.fit.reverse": ("Q minimising KL(Q‖P): reverse", "最小化 KL(Q‖P) 的 Q：反向"),
    "distributions.fit.x": ("x", "x"),
    "distributions.fit.y": ("probability", "概率"),
    "distributions.fit.m.forward": ("Forward fit: KL(P‖Q)", "正向拟合：KL(P‖Q)"),
    "distributions.fit.m.reverse": ("Reverse fit: KL(Q‖P)", "反向拟合：KL(Q‖P)"),
    "distributions.fit.m.moments": (
        "Q: mean {mean}, standard deviation {sd}",
        "Q：均值 {mean}，标准差 {sd}",
    ),
    "distributions.fit.m.params": (
        "The Gaussian's parameters before the cut: μ = {mu}, σ = {sigma}.",
        "截断前高斯分布的参数：μ = {mu}，σ = {sigma}。",
    ),
    "distributions.fit.caption": (
        "Each Q is a Gaussian with parameters μ and σ, cut to the plotted interval [−{hw}, {hw}] and "
        "renormalised over its {n} grid points. μ and σ describe the Gaussian before the cut; the mean and "
        "standard deviation under each fit are those of the plotted Q itself. Each fit is a deterministic "
        "grid-and-pattern search over μ and σ. P's two peaks each have standard deviation {width}; P has "
        "mean {p_mean} and standard deviation {p_sd}.",
        "每个 Q 都是参数为 μ、σ 的高斯分布，截断到图示区间 [−{hw}, {hw}] 并在其 {n} 个网格点上重新归一化。"
        "μ 和 σ 描述的是截断前的高斯分布；每个拟合下方给出的均值和标准差则是图中 Q 本身的数值。"
        "每次拟合都是对 μ 和 σ 的确定性网格搜索加模式搜索。P 的两个峰的标准差都是 {width}；"
        "P 本身的均值为 {p_mean}，标准差为 {p_sd}。",
    ),
    "distributions.fit.moment_match": (
        "The forward fit has P's mean and standard deviation: over this family of Q, minimising KL(P‖Q) matches them.",
        "正向拟合的均值和标准差与 P 相同：在这一族 Q 中，最小化 KL(P‖Q) 恰好使两者相等。",
    ),
    "distributions.alt.sep": ("; ", "；"),
    "distributions.alt.pq": ("{name}: P {a}, Q {b}", "{name}：P {a}，Q {b}"),
    "distributions.alt.bars": ("P and Q side by side over {k} classes. {pairs}.", "P 与 Q 在 {k} 个类别上并排比较。{pairs}。"),
    "distributions.alt.contrib": (
        "Each class's share of the cross-entropy H(P, Q) = {ce} {unit}, split into the entropy H(P) = {h} and "
        "KL(P‖Q) = {kl}. The largest share is {name}'s, {v} {unit}.",
        "每个类别对交叉熵 H(P, Q) = {ce} {unit} 的贡献，分为熵 H(P) = {h} 与 KL(P‖Q) = {kl}。"
        "贡献最大的是{name}，为 {v} {unit}。",
    ),
    "distributions.alt.code.pair": ("{name}: {a} with Q's code, {b} with P's", "{name}：用 Q 的编码 {a}，用 P 的编码 {b}"),
    "distributions.alt.code": (
        "Code lengths per class in {unit}. {pairs}.",
        "每个类别的编码长度（{unit}）。{pairs}。",
    ),
    "distributions.alt.simplex": (
        "The triangle of every distribution over {names}, coloured by {measure}. P = ({p}), Q = ({q}); the "
        "lowest value, {minimum}, is at Q = P.",
        "{names} 上所有分布构成的三角形，按{measure}着色。P = ({p})，Q = ({q})；最小值 {minimum} 位于 Q = P 处。",
    ),
    "distributions.alt.fits": (
        "The target P (mean {pm}, standard deviation {psd}) and its best single-peak fits Q. The forward fit, "
        "minimising KL(P‖Q), has mean {fm} and standard deviation {fsd} (KL {fkl}); the reverse fit, minimising "
        "KL(Q‖P), has mean {rm} and standard deviation {rsd} (KL {rkl}).",
        "目标分布 P（均值 {pm}，标准差 {psd}）及其最佳单峰拟合 Q。正向拟合（最小化 KL(P‖Q)）的均值为 {fm}、标准差为 {fsd}"
        "（KL {fkl}）；反向拟合（最小化 KL(Q‖P)）的均值为 {rm}、标准差为 {rsd}（KL {rkl}）。",
    ),
}
