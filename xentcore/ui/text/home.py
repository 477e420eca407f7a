"""Home page text."""

TEXT = {
    "home.title": ("See cross-entropy", "看见交叉熵"),
    "home.intro": (
        "**Cross-entropy** H(P, Q) = −Σ p(x) log q(x) is the average surprise you feel when outcomes come "
        "from the truth P but you expected them from a model Q. It is never below the entropy H(P) of the "
        "truth itself; the excess is the KL divergence D(P‖Q), which is zero only when Q = P, and that "
        "excess is what training a classifier with cross-entropy drives down.",
        "**交叉熵** H(P, Q) = −Σ p(x) log q(x) 是：结果实际来自真实分布 P，而你按模型 Q 去预期时，"
        "平均感到的“意外程度”。它永远不低于真实分布自身的熵 H(P)；多出的部分是 KL 散度 D(P‖Q)，"
        "仅当 Q = P 时为零——用交叉熵训练分类器，压低的正是这部分。",
    ),
    "home.weather.header": ("The tutorial's weather example, computed", "教程中的天气例子，算出来"),
    "home.weather.body": (
        "True weather P: sunny {p0}, rain {p1}, cloudy {p2}. A forecaster's model Q: {q0}, {q1}, {q2}. "
        "The tutorial writes down H(P, Q) for this and never evaluates it; here it is, in {unit}:",
        "真实天气 P：晴 {p0}、雨 {p1}、阴 {p2}。预报模型 Q：{q0}、{q1}、{q2}。"
        "教程写出了这个例子的 H(P, Q) 却没有算出结果；这里给出计算值（单位：{unit}）：",
    ),
    "home.metric.h": ("Entropy H(P) of true P", "真实 P 的熵 H(P)"),
    "home.metric.ce": ("Cross-entropy H(P, Q)", "交叉熵 H(P, Q)"),
    "home.metric.kl": ("KL divergence D(P‖Q)", "KL 散度 D(P‖Q)"),
    "home.weather.check": (
        "Check: {h} + {kl} = {ce}. Cross-entropy is entropy plus the price of using the wrong model.",
        "验算：{h} + {kl} = {ce}。交叉熵 = 熵 + 使用错误模型所付出的代价。",
    ),
    "home.weather.explore": ("Explore this example on the Distributions page", "在“分布”页中探索这个例子"),
    "home.pages": ("What you can do here", "你可以在这里做什么"),
}
