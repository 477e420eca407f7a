"""Text of the teaching tools: lesson links (hidden controls), guided tours, predict-then-reveal."""

TEXT = {
    "lesson.locked": ("Set by your teacher: {items}", "由老师设定：{items}"),
    "lesson.sep": ("; ", "；"),
    "lesson.on": ("on", "开"),
    "lesson.off": ("off", "关"),
    "lesson.header": ("Make a lesson link", "制作课堂链接"),
    "lesson.pick": ("Hide these controls", "隐藏这些控件"),
    "lesson.help": (
        "Students who open this link see the page with these controls hidden and their values fixed "
        "to what you see now; a line at the top says what was set.",
        "打开此链接的学生看到的页面会隐藏这些控件，其取值固定为你现在看到的值；页面顶部会有一行说明设定了什么。",
    ),
    "lesson.link": ("Lesson link", "课堂链接"),
    "detail.no_keys": ("{raw} names no control of this page ({options})", "{raw} 不是本页的控件（{options}）"),
    "detail.dropped_keys": ("not controls of this page, ignored: {keys}", "不是本页的控件，已忽略：{keys}"),
    "tour.header": ("Guided tours", "导览"),
    "tour.start": ("Start", "开始"),
    "tour.progress": ("{title} · step {n} of {total}", "{title} · 第 {n} 步，共 {total} 步"),
    "tour.back": ("Back", "上一步"),
    "tour.next": ("Next", "下一步"),
    "tour.end": ("End the tour", "结束导览"),
    "tour.elsewhere": (
        "Step {n} of this tour is on another page: {page}.",
        "本导览的第 {n} 步在另一页：{page}。",
    ),
    "tour.surprise": ("From surprise to cross-entropy", "从“意外”到交叉熵"),
    "tour.surprise.blurb": (
        "Self-information, then entropy, cross-entropy and KL on the weather example, then the tutorial's claims checked.",
        "先看自信息，再用天气例子看熵、交叉熵和 KL 散度，最后逐条核验教程的论断。",
    ),
    "tour.surprise.1": (
        "An event of probability p carries −log p of surprise. Drag the slider towards 0: rare events are "
        "surprising, and a certain event (p = 1) carries none.",
        "概率为 p 的事件带有 −log p 的“意外”（自信息）。把滑块拖向 0：越罕见越意外，而必然事件（p = 1）毫无意外。",
    ),
    "tour.surprise.2": (
        "Entropy H(P) is the average surprise under P; cross-entropy H(P, Q) is the average surprise when you "
        "expect Q but P happens. The gap between them is KL(P‖Q). Move a slider of Q away from P and watch the "
        "gap grow; make Q equal to P and it closes.",
        "熵 H(P) 是按 P 计算的平均意外；交叉熵 H(P, Q) 是你预期 Q、实际发生 P 时的平均意外。二者之差就是 KL(P‖Q)。"
        "把 Q 的某个滑块从 P 移开，看差值变大；让 Q 等于 P，差值归零。",
    ),
    "tour.surprise.3": (
        "The tutorial this app was built from, claim by claim: what holds, what is imprecise, and what is "
        "wrong, each with a live check.",
        "本应用所依据的教程，逐条核验：哪些成立、哪些不够准确、哪些是错的，每条都有现场演示。",
    ),
    "tour.mse": ("Why not MSE?", "为什么不用 MSE？"),
    "tour.mse.blurb": (
        "One confidently wrong prediction, then the whole loss surface, then a training race.",
        "先看一个自信地错了的预测，再看整个损失曲面，最后看一场训练竞赛。",
    ),
    "tour.mse.1": (
        "The label is 1 and the logit is −5: the model is confidently wrong. Compare the two gradients with "
        "respect to z in the table: cross-entropy pushes hard, MSE barely moves.",
        "标签是 1，logit 为 −5：模型自信地错了。比较表中两种损失对 z 的梯度：交叉熵推得很用力，MSE 几乎不动。",
    ),
    "tour.mse.2": (
        "The same comparison over two weights at once: cross-entropy's surface against MSE's, with the "
        "gradient-descent paths on each.",
        "同样的比较，换成同时看两个权重：交叉熵的曲面与 MSE 的曲面，以及各自的梯度下降路径。",
    ),
    "tour.mse.3": (
        "Three classifiers learn the same data. Press play and read the table below the race: which lane "
        "reached 90 % training accuracy first, and how many epochs each took.",
        "三个分类器学习同一份数据。点击播放，再看下方的结果表：哪一组最先达到 90% 的训练准确率，各用了多少轮。",
    ),
    "settings.quiz": ("Predict, then reveal", "先预测，再揭晓"),
    "settings.quiz.help": (
        "Key results wait until you commit to a guess: which way a number moves, which run wins. "
        "Guessing first is what makes the answer stick.",
        "关键结果会等你先给出预测再显示：某个数往哪边变、哪一组先赢。先猜再看，印象更深。",
    ),
    "quiz.predict": ("Predict first:", "先预测："),
    "quiz.commit": ("Commit my prediction", "确认我的预测"),
    "quiz.held": ("The answer is held back until you commit.", "确认预测之前，答案暂不显示。"),
    "quiz.verdict": ("{verdict} {why}", "{verdict}{why}"),
    "quiz.right": ("Right: {answer}.", "答对了：{answer}。"),
    "quiz.wrong": ("Not quite: {answer}.", "不太对：{answer}。"),
    "quiz.score": ("Your predictions: {right} of {asked} right", "你的预测：{asked} 题中答对 {right} 题"),
    "quiz.home.q": (
        "The forecaster uses Q instead of the true P. Is the cross-entropy H(P, Q) above, equal to, or below the entropy H(P)?",
        "预报员用 Q 代替真实的 P。交叉熵 H(P, Q) 比熵 H(P) 大、相等，还是小？",
    ),
    "quiz.home.above": ("Above", "更大"),
    "quiz.home.equal": ("Equal", "相等"),
    "quiz.home.below": ("Below", "更小"),
    "quiz.home.why": (
        "H(P, Q) = {ce} {unit} and H(P) = {h} {unit}: the gap is KL(P‖Q) = {kl} {unit}, which is never negative and is 0 only when Q = P.",
        "H(P, Q) = {ce} {unit}，H(P) = {h} {unit}：二者之差就是 KL(P‖Q) = {kl} {unit}，它从不为负，只有 Q = P 时才为 0。",
    ),
    "quiz.dist.q": (
        "Suppose you moved Q's sliders until Q equals your P exactly. Would the cross-entropy H(P, Q) fall to 0?",
        "假设你把 Q 的滑块调到与你的 P 完全相同。交叉熵 H(P, Q) 会降到 0 吗？",
    ),
    "quiz.dist.yes": ("Yes", "会"),
    "quiz.dist.no": ("No", "不会"),
    "quiz.dist.why": (
        "With Q = P the cross-entropy is H(P, P) = H(P) = {h} {unit}, not 0: cross-entropy bottoms out at the entropy of P. It is KL(P‖Q) that falls to 0 when Q = P (the tutorial mixes the two up).",
        "当 Q = P 时，交叉熵为 H(P, P) = H(P) = {h} {unit}，而不是 0：交叉熵的下限是 P 的熵。Q = P 时降到 0 的是 KL(P‖Q)（教程把二者混淆了）。",
    ),
    "quiz.dist.why.zero": (
        "Yes, here: your P is one-hot, so H(P) = {h} {unit}, and with Q = P the cross-entropy H(P, P) = H(P) = 0. For any P that is not one-hot it would stop at H(P) > 0.",
        "这里会：你的 P 是独热分布，H(P) = {h} {unit}，所以 Q = P 时交叉熵 H(P, P) = H(P) = 0。只要 P 不是独热分布，它就会停在 H(P) > 0。",
    ),
}
