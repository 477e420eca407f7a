"""Text shared by every page: navigation, settings, share link, warnings, units."""

TEXT = {
    "sentence.join": ("{a} {b}", "{a}{b}"),  # two sentences in a row: Chinese puts no space between
    "app.name": ("xent · cross-entropy explorer", "xent · 交叉熵探索器"),
    "nav.home": ("Home", "首页"),
    "nav.home.blurb": ("Start here: the idea in two sentences.", "从这里开始：两句话讲清核心思想。"),
    "nav.distributions": ("Distributions", "分布"),
    "nav.distributions.blurb": (
        "Edit a true distribution P and a model Q; watch entropy, cross-entropy and KL move, "
        "with the calculation written out.",
        "编辑真实分布 P 和模型分布 Q，观察熵、交叉熵和 KL 散度如何变化，并查看逐项计算过程。",
    ),
    "nav.curves": ("Loss curves & gradients", "损失曲线与梯度"),
    "nav.curves.blurb": (
        "Cross-entropy and MSE as functions of the prediction and the logit, their gradients, "
        "and where MSE's gradient vanishes.",
        "交叉熵与 MSE 随预测概率和 logit 的变化、它们的梯度，以及 MSE 梯度在何处消失。",
    ),
    "nav.surfaces": ("Loss surfaces", "损失曲面"),
    "nav.surfaces.blurb": (
        "The loss over two weights of a logistic regression: cross-entropy, convex, against MSE, not convex "
        "and with plateaus; when cross-entropy has a minimum and when it has none; gradient-descent paths.",
        "逻辑回归两个权重上的损失：凸的交叉熵与不凸、带高原的 MSE 对比；交叉熵何时有最小值、何时没有；"
        "并绘制梯度下降路径。",
    ),
    "nav.race": ("Training race", "训练竞赛"),
    "nav.race.blurb": (
        "Logistic regression, softmax regression and an MSE-trained classifier learn the same data, "
        "animated side by side.",
        "逻辑回归、softmax 回归与用 MSE 训练的分类器在同一数据上学习，并排动画演示。",
    ),
    "nav.tutorial": ("The tutorial, checked", "教程逐条核验"),
    "nav.tutorial.blurb": (
        "Each claim of the source tutorial with a verdict and a live demonstration, "
        "including the places where it is wrong.",
        "源教程的每条论断：给出结论并现场演示，包括它出错的地方。",
    ),
    "nav.language": ("Language models", "语言模型"),
    "nav.language.blurb": (
        "Type a text in English or Chinese and watch a small model's cross-entropy become bits per character, "
        "perplexity and a compressed file size; training text against test text.",
        "输入一段中文或英文，看小模型的交叉熵如何变成每字比特数、困惑度和压缩后的文件大小；并对比训练文本与测试文本。",
    ),
    "nav.open": ("Open", "打开"),
    "settings.header": ("Settings", "设置"),
    "settings.unit": ("Unit of information", "信息单位"),
    "settings.unit.help": (
        "nats use the natural log (ln), bits use log base 2. 1 nat = 1.4427 bits.",
        "nat 使用自然对数（ln），bit 使用以 2 为底的对数。1 nat = 1.4427 bit。",
    ),
    "settings.lang": ("Language", "语言"),
    "weather.sunny": ("sunny", "晴"),
    "weather.rain": ("rain", "雨"),
    "weather.cloudy": ("cloudy", "阴天"),
    "unit.nats": ("nats", "nats（奈特）"),
    "unit.bits": ("bits", "bits（比特）"),
    "unit.short.nats": ("nats", "nat"),
    "unit.short.bits": ("bits", "bit"),
    "share.header": ("Share this view", "分享当前视图"),
    "share.help": (
        "This link reopens exactly what you see: the page, its settings, the unit and the language. "
        "Copy it with the button under it.",
        "此链接会完整还原你当前看到的内容：页面、设置、单位和语言。点击下方的按钮即可复制。",
    ),
    "link.copy": ("Copy", "复制"),
    "link.copied": ("Copied", "已复制"),
    "link.copy.aria": ("Copy the link: {name}", "复制链接：{name}"),
    "share.reset": ("Reset this page", "重置本页"),
    "warn.title": (
        "Some parts of the link could not be used; everything else was applied:",
        "链接中有部分参数无法使用，其余参数均已生效：",
    ),
    "warn.unknown": ("`{key}`: not a setting of this page, ignored", "`{key}`：不是本页的设置，已忽略"),
    "warn.invalid": ("`{key}`: {detail}; using the default", "`{key}`：{detail}；已改用默认值"),
    "warn.clamped": ("`{key}`: out of range, {detail}", "`{key}`：超出范围，{detail}"),
    "warn.normalised": ("`{key}`: {detail}", "`{key}`：{detail}"),
    "warn.cleaned": ("`{key}`: {detail}", "`{key}`：{detail}"),
    "warn.repeated": ("`{key}`: given more than once, {detail}", "`{key}`：出现多次，{detail}"),
    "warn.mismatch": ("`{key}`: {detail}", "`{key}`：{detail}"),
    "warn.more": ("{detail}", "{detail}"),
    "detail.not_number": ("not a number: {raw}", "不是数字：{raw}"),
    "detail.not_finite": ("not a finite number: {raw}", "不是有限的数：{raw}"),
    "detail.not_whole": ("not a whole number: {raw}", "不是整数：{raw}"),
    "detail.not_option": ("{raw} is not one of {options}", "{raw} 不是可选值（{options}）之一"),
    "detail.not_bool": ("not 1 or 0: {raw}", "不是 1 或 0：{raw}"),
    "detail.snapped": ("set to the nearest choice, {value}", "已改为最接近的可选值 {value}"),
    "detail.clamped": ("clamped to {value}", "已限制为 {value}"),
    "detail.count": ("needs {lo} to {hi} numbers, got {n}", "需要 {lo} 到 {hi} 个数，实际为 {n} 个"),
    "detail.range": ("every number must lie in [{lo}, {hi}]", "每个数都必须在 [{lo}, {hi}] 之内"),
    "detail.all_zero": ("all entries are zero", "所有项都是零"),
    "detail.normalised": ("summed to {total}, normalised", "总和为 {total}，已归一化"),
    "detail.name_count": ("needs {lo} to {hi} names, got {n}", "需要 {lo} 到 {hi} 个名称，实际为 {n} 个"),
    "detail.name_empty": ("a name is empty", "有一个名称为空"),
    "detail.cleaned": ("unsafe characters removed", "已删除不安全的字符"),
    "detail.too_long": ("longer than {n} characters", "超过 {n} 个字符"),
    "detail.repeated": ("{n} values, used the last", "共 {n} 个值，已使用最后一个"),
    "detail.more": ("… and {n} more", "……另有 {n} 项"),
    "detail.q_length": ("has {n} entries but p has {k}; using a uniform q", "有 {n} 项，而 p 有 {k} 项；改用均匀的 q"),
    "detail.names_length": ("{n} names for {k} classes; using the default names", "{k} 个类别却有 {n} 个名称；改用默认名称"),
    "detail.no_class": ("class {c} does not exist with {k} logits; using {last}", "只有 {k} 个 logit，不存在类别 {c}；改用 {last}"),
    "detail.ty_length": ("has {n} entries but there are {k} logits; resized", "有 {n} 项，而 logit 有 {k} 个；已调整长度"),
    "detail.few_features": ("{data} has {d} features; set to {last}", "{data} 只有 {d} 个特征；已改为 {last}"),
    "detail.same_features": ("the two features must differ", "两个特征必须不同"),
    "footer": (
        "Every number on this page is computed by the tested `xentcore` package as the page runs.",
        "本页所有数字均由经过测试的 `xentcore` 包在页面运行时实时计算。",
    ),
}
