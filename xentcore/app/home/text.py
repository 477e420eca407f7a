"""Home page text."""

TEXT = {
    "home.title": ("See cross-entropy", "看见交叉熵"),
    "home.intro": (
        "**Cross-entropy** H(P, Q) = −Σ p(x) log q(x) is the average surprise you feel when outcomes come "
        "from the truth P but you expected them from a model Q. It is never below the entropy H(P) of the "
        "truth itself; the excess is the KL divergence D(P‖Q), which is zero only when Q = P, and that "
        "excess is what training a classifier with cross-entropy drives down.",
        "**交叉熵** H(P, Q) = −Σ p(x) log q(x) 是：结果实际来自真实分布 P，而你按模型 Q 去预期时，"
        "平均感到的“意外程度”。它永远不低于真实分布自身的熵 H(P)；多出的部分是 KL 散度（相对熵）D(P‖Q)，"
        "仅当 Q = P 时为零——用交叉熵训练分类器，压低的正是这部分。",
    ),
    "home.surprise.header": ("Surprise first", "先从“意外”说起"),
    "home.surprise.slider": ("Probability p of an event", "某事件的概率 p"),
    "home.surprise.metric": ("Self-information −log p", "自信息 −log p"),
    "home.surprise.caption": (
        "A sure thing (p = 1) tells you nothing; the rarer the event, the more it surprises you. "
        "Entropy is the average of this surprise, cross-entropy its average when you expected the wrong odds.",
        "必然发生的事（p = 1）不带来任何信息；事件越罕见，带来的“意外”越大。"
        "熵是这种意外的平均值，交叉熵则是你按错误的概率去预期时的平均意外。",
    ),
    "home.weather.header": ("The tutorial's weather example, computed", "教程中的天气例子，算出来"),
    "home.weather.body": (
        "True weather P: {n0} {p0}, {n1} {p1}, {n2} {p2}. A forecaster's model Q: {q0}, {q1}, {q2}. "
        "The tutorial writes down H(P, Q) for this and never evaluates it; here it is, in {unit}:",
        "真实天气 P：{n0} {p0}、{n1} {p1}、{n2} {p2}。预报模型 Q：{q0}、{q1}、{q2}。"
        "教程写出了这个例子的 H(P, Q) 却没有算出结果；这里给出计算值，单位为 {unit}：",
    ),
    "home.metric.h": ("Entropy H(P) of true P", "真实 P 的熵 H(P)"),
    "home.metric.ce": ("Cross-entropy H(P, Q)", "交叉熵 H(P, Q)"),
    "home.metric.kl": ("KL divergence D(P‖Q)", "KL 散度 D(P‖Q)"),
    "home.weather.check": (
        "Check: {h} + {kl} = {ce}. Cross-entropy is entropy plus the price of using the wrong model.",
        "验算：{h} + {kl} = {ce}。交叉熵 = 熵 + 使用错误模型所付出的代价。",
    ),
    "home.weather.check.rounded": (
        "Check: {h} + {kl} ≈ {ce} (each number rounded to {digits} decimals). Cross-entropy is entropy plus "
        "the price of using the wrong model.",
        "验算：{h} + {kl} ≈ {ce}（每个数都四舍五入到 {digits} 位小数）。交叉熵 = 熵 + 使用错误模型所付出的代价。",
    ),
    "home.weather.explore": ("Explore this example on the Distributions page", "在“分布”页中探索这个例子"),
    "home.pages": ("What you can do here", "你可以在这里做什么"),
}
