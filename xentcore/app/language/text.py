"""Language page text, English and Simplified Chinese."""

TEXT = {
    "language.lead": (
        "A language model's training loss is a cross-entropy: the mean of −log q(next character | the ones before) over a text. "
        "Here a small character model learns from a text, looking a few characters back.",
        "语言模型训练时报告的损失就是交叉熵：在一段文本上对 −log q(下一个字 | 前面的字) 取平均。"
        "这里一个小小的字符模型从一段文本中学习，往回看几个字。",
    ),
    "language.header.text": ("The text", "文本"),
    "language.header.model": ("The model", "模型"),
    "language.model.formula": (
        "It predicts each character c from the k before it, h, by counting in the training text: n(h, c) times c followed h, n(h) times h was followed at all; V is the size of the vocabulary.",
        "它根据前面的 k 个字 h 预测每个字 c，依据训练文本中的计数：c 跟在 h 后面 n(h, c) 次，h 后面跟着字 n(h) 次；共 V 个不同的字。",
    ),
    "language.header.numbers": ("Cross-entropy, in numbers", "交叉熵的数值"),
    "language.header.curve": ("A longer context: training text against test text", "更长的上下文：训练文本与测试文本"),
    "language.curve.intro": (
        "The same model fitted with every context length from 0 to {K}; the dotted line marks the one chosen above.",
        "对从 0 到 {K} 的每个上下文长度分别拟合同一个模型；虚线标出上面选中的长度。",
    ),
    "language.header.looks": ("The model, close up", "近看模型"),
    # the close-up's tabs: short enough that all three fit a phone's width; each tab opens with its full title
    "language.tab.grid": ("Surprise", "意外"),
    "language.tab.next": ("Next character", "下一个字"),
    "language.tab.sizes": ("File size", "文件大小"),
    "language.header.grid": ("Which characters surprised the model", "哪些字让模型感到意外"),
    "language.grid.intro": (
        "The test text, character by character, each coloured by its surprisal −log q(c | h): the cost the model paid for it. Hover a character for its probability.",
        "逐字显示测试文本，每个字按其惊讶度 −log q(c | h) 着色，也就是模型为它付出的代价。把鼠标移到字上可查看其概率。",
    ),
    "language.header.next": ("What the model expects next", "模型预期下一个字是什么"),
    "language.header.sizes": ("Cross-entropy is a file size", "交叉熵就是文件大小"),
    "language.sizes.intro": (
        "A coder that spends −log₂ q(c | h) bits on each character (arithmetic coding comes within 2 bits of it over a whole text) writes the test text in cross-entropy × length bits. Beside it, what general-purpose compressors actually produce for the same test text.",
        "如果编码器为每个字花费 −log₂ q(c | h) 比特（算术编码在整段文本上与此相差不超过 2 比特），测试文本就需要“交叉熵 × 长度”比特。旁边是通用压缩程序对同一测试文本实际压缩出的大小。",
    ),
    "language.header.converter": ("Reading the numbers in papers", "读懂论文里的数字"),
    "language.converter.intro": (
        "Papers report a training loss in nats per token. Type it, or its bits or perplexity, and the others follow; with the bytes a token covers, it becomes bits per byte, the scale this page and compressors use.",
        "论文报告的训练损失是每词元多少奈特。输入它，或者输入对应的比特数或困惑度，其余数值随之更新；再给出每个词元平均覆盖的字节数，就能换算成每字节比特数，这也是本页和压缩程序使用的尺度。",
    ),
    # --- the text
    "language.source": ("Text", "文本"),
    "language.own.name": ("Your text", "你的文本"),
    "language.typed.name": ("Your test text", "你的测试文本"),
    "language.h.name": ("History", "历史"),
    "language.source.en": ("Built-in English text", "内置英文文本"),
    "language.source.zh": ("Built-in Chinese text", "内置中文文本"),
    "language.source.own": ("Your own text", "你自己的文本"),
    "language.own": (
        "Your text (type, paste or upload; at most {limit} characters)",
        "你的文本（输入、粘贴或上传；最多 {limit} 个字）",
    ),
    "language.own.placeholder": ("Paste a text here, in any language…", "在这里粘贴任意语言的文本……"),
    "language.upload": ("…or upload a text file (UTF-8)", "……或上传一个文本文件（UTF-8 编码）"),
    "language.own.too_long": (
        "That text has {n} characters; the page takes at most {limit}. The previous text is kept.",
        "这段文本有 {n} 个字，本页最多接受 {limit} 个字。已保留之前的文本。",
    ),
    "language.own.reserved": (
        "{n} reserved characters (`U+FDD0`, `U+FDD1`: the model's own markers, never found in real text) were removed.",
        "已删除 {n} 个保留字符（`U+FDD0`、`U+FDD1`：模型内部使用的标记，真实文本中不会出现）。",
    ),
    "language.upload.too_big": (
        "That file is {kb} kB; the page takes at most {limit} characters. The previous text is kept.",
        "该文件有 {kb} 千字节，本页最多接受 {limit} 个字。已保留之前的文本。",
    ),
    "language.upload.not_utf8": (
        "That file is not UTF-8 text. The previous text is kept.",
        "该文件不是 UTF-8 编码的文本。已保留之前的文本。",
    ),
    "language.own.link": (
        "{n} characters. The share link carries your text (up to {link} characters).",
        "共 {n} 个字。分享链接会带上你的文本（最多 {link} 个字）。",
    ),
    "language.own.session": (
        "{n} characters: longer than the {link} a share link carries, so your text stays in this session only; a link made now opens without it.",
        "共 {n} 个字，超过了分享链接能携带的 {link} 个字，所以你的文本只保存在当前会话中；现在生成的链接打开后不会包含它。",
    ),
    "language.split": ("Training share of the text", "用于训练的文本比例"),
    "language.split.help": (
        "The model counts the first part of the text; the rest is text it has never seen.",
        "模型只统计文本的前一部分；其余部分是它从未见过的文本。",
    ),
    "language.test": ("Test text", "测试文本"),
    "language.test.rest": ("The rest of the text (the last {pct}%)", "文本的其余部分（最后 {pct}%）"),
    "language.test.typed": ("A text you type", "你输入的文本"),
    "language.typed": ("Test text (at most {link} characters)", "测试文本（最多 {link} 个字）"),
    "language.typed.placeholder": (
        "Type a sentence and see how surprising the model finds it…",
        "输入一句话，看看模型觉得它有多意外……",
    ),
    # --- the model
    "language.k": ("Context length k (characters the model looks back)", "上下文长度 k（模型向前看的字数）"),
    "language.k.help": (
        "k = 0 predicts from character frequencies alone; k = 2 from the two characters before, and so on. Before the first characters the history is padded with a start marker.",
        "k = 0 只按字频预测；k = 2 根据前面两个字预测，依此类推。文本开头处的历史用起始标记补齐。",
    ),
    "language.a": ("Smoothing α (added to every count)", "平滑参数 α（加到每个计数上）"),
    "language.a.help": (
        "α = 0 trusts the counts: a character never seen after a history gets probability 0 and costs infinitely many bits. A larger α moves the model towards uniform, 1/V for every character.",
        "α = 0 完全相信计数：一个从未在某段历史后出现过的字，概率为 0，代价是无穷多比特。α 越大，模型越接近均匀分布，每个字都是 1/V。",
    ),
    "language.problem.empty": (
        "There is no text of your own yet: type, paste or upload one above. A share link carries your text up to {link} characters; a longer one stays in the session it was entered in, so a link made from it opens empty.",
        "还没有你自己的文本：请在上面输入、粘贴或上传。分享链接最多携带 {link} 个字的文本；更长的文本只保存在输入它的会话中，所以由它生成的链接打开后是空的。",
    ),
    "language.problem.too_short": (
        "The text has {n} character; the page needs at least 2: one to learn from and one to test on.",
        "这段文本只有 {n} 个字；本页至少需要 2 个字：一个用来学习，一个用来测试。",
    ),
    "language.problem.too_long": (
        "The text has {n} characters, more than the page takes.",
        "这段文本有 {n} 个字，超出了本页能接受的长度。",
    ),
    "language.problem.typed_empty": (
        "Type a test text above, or choose the rest of the text as the test text.",
        "请在上面输入测试文本，或者选择把文本的其余部分作为测试文本。",
    ),
    # --- numbers
    "language.per_char": ("{unit}/char", "{unit}/字"),
    "language.metric.train": ("Training text ({unit})", "训练文本（{unit}）"),
    "language.metric.test": ("Test text ({unit})", "测试文本（{unit}）"),
    "language.metric.ppl": ("Test perplexity", "测试困惑度"),
    "language.metric.bpb": ("Test bits per byte", "测试文本每字节比特数"),
    "language.metric.ce.help": (
        "Cross-entropy: the average over the text's characters of −log q(c | h), the model's probability of each character after its history.",
        "交叉熵：对文本中每个字取 −log q(c | h)（模型在该字的历史之后给它的概率）再求平均。",
    ),
    "language.metric.ppl.help": (
        "e^(cross-entropy in nats) = 2^(cross-entropy in bits): the model is as unsure as a fair choice among this many characters. It has no unit.",
        "e^(以奈特计的交叉熵) = 2^(以比特计的交叉熵)：模型的犹豫程度相当于在这么多个字中公平地挑一个。它没有单位。",
    ),
    "language.metric.bpb.help": (
        "Bits per character divided by UTF-8 bytes per character: a scale that compares models with different tokenizers, and models with compressors.",
        "每字比特数除以每字的 UTF-8 字节数：用这个尺度可以比较分词方式不同的模型，也可以把模型和压缩程序相比较。",
    ),
    "language.numbers.texts": (
        "Training text: the first {pct}% of the text, {n_train} characters; test text: {test}, {n_test} characters. Vocabulary V = {v}: the training text's distinct characters, and ⟨unk⟩ standing for every other.",
        "训练文本：文本的前 {pct}%，共 {n_train} 个字；测试文本：{test}，共 {n_test} 个字。词表大小 V = {v}：训练文本中不同的字，加上代表其他所有字的 ⟨未知⟩。",
    ),
    "language.numbers.test.rest": ("the rest", "其余部分"),
    "language.numbers.test.typed": ("the text you typed", "你输入的文本"),
    "language.numbers.unknown": (
        "Test characters that do not occur in the training text (⟨unk⟩): {n}.",
        "测试文本中没有在训练文本里出现的字（⟨未知⟩）：{n} 个。",
    ),
    "language.numbers.no_unknown": (
        "Every test character occurs in the training text.",
        "测试文本中的每个字都在训练文本中出现过。",
    ),
    "language.numbers.bytes": (
        "The test text takes {b} UTF-8 bytes per character.",
        "测试文本平均每个字占 {b} 个 UTF-8 字节。",
    ),
    "language.numbers.in_bits": (
        "In bits per character: training {train}, test {test}.",
        "换算成每字比特数：训练 {train}，测试 {test}。",
    ),
    # --- curve
    "language.curve.train": ("Training text", "训练文本"),
    "language.curve.test": ("Test text", "测试文本"),
    "language.curve.infinite": ("infinite", "无穷大"),
    "language.alt.curve": (
        "Cross-entropy against the context length k from 0 to {K}: training goes from {a} to {b} {unit}, test "
        "from {ta} to {tb}, lowest on test at k = {best} ({lo}). At your k = {k}: training {train}, test {test}.",
        "交叉熵随上下文长度 k 从 0 到 {K} 的变化：训练集从 {a} 到 {b} {unit}，测试集从 {ta} 到 {tb}，"
        "测试集在 k = {best} 处最低（{lo}）。在你选的 k = {k}：训练集 {train}，测试集 {test}。",
    ),
    "language.alt.grid": (
        "The first {shown} of {total} test characters, each coloured by its surprisal (mean {mean} {unit}); the "
        "most surprising is “{c}”, character {i}, with q = {q}: {s} {unit}.",
        "测试文本 {total} 个字符中的前 {shown} 个，按意外度着色（平均 {mean} {unit}）；"
        "最意外的是第 {i} 个字符“{c}”，q = {q}：{s} {unit}。",
    ),
    "language.alt.next": (
        "The model's probabilities q for the next character after “{h}”, {n} bars: the most likely is “{c}”, "
        "q = {q}.",
        "模型在“{h}”之后给下一个字符的概率 q，共 {n} 根柱：最可能的是“{c}”，q = {q}。",
    ),
    "language.alt.sizes": (
        "The {n}-character test text takes {utf8} bytes in UTF-8; the smallest coding is {best}, {bytes} bytes "
        "({b} bits a character).",
        "这段 {n} 个字符的测试文本用 UTF-8 存储占 {utf8} 字节；最小的编码是{best}，{bytes} 字节"
        "（每字符 {b} 比特）。",
    ),
    "language.alt.model": ("the model's ideal code", "模型的理想编码"),
    "language.alt.col.char": ("character", "字符"),
    "language.alt.col.surprisal": ("surprisal ({unit})", "意外度（{unit}）"),
    "language.alt.col.coding": ("coding", "编码"),
    "language.alt.col.bytes": ("bytes", "字节"),
    "language.curve.x": ("Context length k", "上下文长度 k"),
    "language.curve.y": ("Cross-entropy ({unit})", "交叉熵（{unit}）"),
    "language.curve.hover": ("k = %{{x}}: %{{y:.4f}} {unit}", "k = %{{x}}：%{{y:.4f}} {unit}"),
    "language.curve.hover_inf": ("k = %{x}: ∞", "k = %{x}：∞"),
    "language.curve.train_falls": (
        "On the training text the cross-entropy (in {unit}) never rises as the context grows: {a} at context 0, {b} at context {K}.",
        "在训练文本上，交叉熵（单位：{unit}）随上下文变长从不上升：上下文为 0 时是 {a}，为 {K} 时是 {b}。",
    ),
    "language.curve.train_rises": (
        "On the training text the cross-entropy (in {unit}) goes from {a} at context 0 down to {lo} at context {k_lo}, and back up to {b} at context {K}: with α > 0 the pseudo-counts weigh more where a history was seen only a few times.",
        "在训练文本上，交叉熵（单位：{unit}）从上下文为 0 时的 {a} 降到上下文为 {k_lo} 时的 {lo}，再回升到上下文为 {K} 时的 {b}：α > 0 时，一段历史出现的次数越少，伪计数的分量就越重。",
    ),
    "language.curve.train_wanders": (
        "On the training text the cross-entropy (in {unit}) goes from {a} at context 0 to {b} at context {K}, not always downwards.",
        "在训练文本上，交叉熵（单位：{unit}）从上下文为 0 时的 {a} 变到上下文为 {K} 时的 {b}，但并非一路下降。",
    ),
    "language.curve.test_turns": (
        "On the test text it is lowest at context {k} ({lo}); no longer context does better, and at context {K} it is {b}.",
        "在测试文本上，它在上下文为 {k} 时最低（{lo}）；更长的上下文都没有更好，上下文为 {K} 时是 {b}。",
    ),
    "language.curve.test_lowest": (
        "On the test text it is lowest at context {k} ({lo}).",
        "在测试文本上，它在上下文为 {k} 时最低（{lo}）。",
    ),
    "language.curve.overfitting": (
        "The training curve keeps going down while the test curve goes back up: the longer contexts describe the training text ever more closely without predicting new text better. This is overfitting, seen through cross-entropy.",
        "训练曲线一直向下，测试曲线却掉头向上：更长的上下文把训练文本描述得越来越细，却没有把新文本预测得更好。这就是通过交叉熵看到的过拟合。",
    ),
    "language.curve.infinite_at": (
        "With α = 0 the test cross-entropy is infinite at context {ks}: the model gives probability 0 to a test character it never saw after that history, or never saw at all.",
        "α = 0 时，测试交叉熵在上下文为 {ks} 时是无穷大：模型给某个测试字的概率为 0，因为它从未在那段历史之后见过这个字，或者根本没有见过这个字。",
    ),
    "language.curve.now": (
        "At context {k}: training {train}, test {test} {unit}.",
        "上下文为 {k} 时：训练 {train}，测试 {test} {unit}。",
    ),
    "language.curve.now_best": (
        "At context {k}, the best for the test text: training {train}, test {test} {unit}.",
        "上下文为 {k} 时（对测试文本最好）：训练 {train}，测试 {test} {unit}。",
    ),
    # predict, then reveal
    "language.quiz": (
        "If the context grows from {a} to {b} characters, what does the cross-entropy on the test text do?",
        "如果上下文从 {a} 个字增加到 {b} 个字，测试文本上的交叉熵会怎样？",
    ),
    "language.quiz.rise": ("It rises", "上升"),
    "language.quiz.fall": ("It falls", "下降"),
    "language.quiz.same": ("It stays the same", "不变"),
    "language.quiz.why": (
        "On the test text the cross-entropy goes from {ta} at context {a} to {tb} at context {b}; on the training "
        "text from {ra} to {rb} ({unit}).",
        "在测试文本上，交叉熵从上下文为 {a} 时的 {ta} 变为上下文为 {b} 时的 {tb}；在训练文本上从 {ra} 变为 {rb}（{unit}）。",
    ),
    "language.quiz.why.inf.one": (
        "It is infinite at context {k}: with α = 0 the model gives probability 0 to a test character it never saw "
        "after that history, or never saw at all.",
        "上下文为 {k} 时它是无穷大：α = 0 时，模型给某个测试字的概率为 0，因为它从未在那段历史之后见过这个字，或者根本没有见过。",
    ),
    "language.quiz.why.inf.both": (
        "It is infinite at contexts {a} and {b}: with α = 0 the model gives probability 0 to a test character it "
        "never saw after that history, or never saw at all.",
        "上下文为 {a} 和 {b} 时它都是无穷大：α = 0 时，模型给某个测试字的概率为 0，因为它从未在那段历史之后见过这个字，"
        "或者根本没有见过。",
    ),
    "language.quiz.why.overfit": (
        "The longer context describes the training text more closely without predicting the test text better: "
        "overfitting.",
        "更长的上下文把训练文本描述得更细，却没有把测试文本预测得更好：这就是过拟合。",
    ),
    "language.quiz.why.helps": (
        "The extra character of context helps the model predict the test text.",
        "多看一个字的上下文，帮助模型更好地预测测试文本。",
    ),
    # --- grid
    "language.grid.colorbar": ("surprisal ({unit})", "惊讶度（{unit}）"),
    "language.grid.cell": ("{{c}}: q = {{q}}, surprisal {{s}} {unit}", "{{c}}：q = {{q}}，惊讶度 {{s}} {unit}"),
    "language.grid.capped": (
        "The first {shown} of the test text's {total} characters (the numbers above use all of them).",
        "测试文本共 {total} 个字，这里显示前 {shown} 个（上面的数字用的是全部）。",
    ),
    "language.grid.all": ("All {total} characters of the test text.", "测试文本的全部 {total} 个字。"),
    "language.grid.worst": (
        "The most surprising of them: «{c}» (character {i}) after «{h}», q = {q}, {s} {unit}.",
        "其中最意外的是第 {i} 个字«{c}»，它前面是«{h}»，q = {q}，{s} {unit}。",
    ),
    "language.grid.below": (
        "What the model expected there: the “{tab}” tab.",
        "模型在那里预期的下一个字：见“{tab}”标签页。",
    ),
    "language.sym.unk": ("⟨unk⟩", "⟨未知⟩"),
    "language.sym.bos": ("⟨bos⟩", "⟨始⟩"),
    "language.sym.other": ("other", "其他"),
    # --- next character
    "language.next.history": (
        "History (empty: the one before the test text's most surprising character)",
        "历史（留空：测试文本中最意外的那个字之前的历史）",
    ),
    "language.next.history.help": (
        "The model reads only the last k characters of it; a history shorter than k is padded with the start marker.",
        "模型只看它的最后 k 个字；不足 k 个字时，用起始标记补齐。",
    ),
    "language.next.unigram": (
        "With context 0 the model ignores the history: these are the training text's character frequencies, with α added to each count.",
        "上下文为 0 时，模型不看历史：这就是训练文本的字频，每个计数都加上了 α。",
    ),
    "language.next.seen": (
        "The model reads the last {k} characters, «{h}», which precede a character {n} times in the training text.",
        "模型读取最后 {k} 个字«{h}»，它们在训练文本中出现在某个字之前共 {n} 次。",
    ),
    "language.next.unseen": (
        "The model reads the last {k} characters, «{h}», which never precede a character in the training text: it answers uniformly, 1/{v} for each, a cost of {cost} {unit} whatever comes.",
        "模型读取最后 {k} 个字«{h}»，它们在训练文本中从未出现在任何字之前：模型只能给出均匀分布，每个字 1/{v}，无论下一个字是什么，代价都是 {cost} {unit}。",
    ),
    "language.next.p.test": (
        "Beside the model's Q, P: what followed «{h}» in the test text ({n} times), the truth the model is measured against.",
        "模型的 Q 旁边是 P：测试文本中«{h}»之后实际出现的字（共 {n} 次），也就是衡量模型时的真实情况。",
    ),
    "language.next.p.train": (
        "«{h}» does not occur in the test text; beside the model's Q, P: what followed it in the training text ({n} times), the counts the model smoothed.",
        "«{h}»没有在测试文本中出现；模型的 Q 旁边是 P：训练文本中它之后出现的字（共 {n} 次），也就是模型平滑前的计数。",
    ),
    "language.next.p.all": (
        "Beside the model's Q, P: the character frequencies of the test text ({n} characters).",
        "模型的 Q 旁边是 P：测试文本的字频（共 {n} 个字）。",
    ),
    "language.next.p_name.test": ("P: what followed in the test text", "P：测试文本中实际出现的"),
    "language.next.p_name.train": ("P: what followed in the training text", "P：训练文本中实际出现的"),
    "language.next.q": ("Q: the model's next-character distribution", "Q：模型给出的下一个字的分布"),
    "language.next.x": ("Next character", "下一个字"),
    "language.next.y": ("Probability", "概率"),
    "language.next.src.test": ("what followed in the test text", "测试文本中实际出现的字"),
    "language.next.src.train": ("what followed in the training text", "训练文本中实际出现的字"),
    "language.next.src.all": ("the test text's character frequencies", "测试文本的字频"),
    "language.next.link.merged": (
        "[Open P and Q on the Distributions page]({url}): Q the model's distribution, P {source}, over {k} classes (the most likely characters, the rest merged). There H(P, Q) = H(P) + KL(P‖Q) splits the model's cost into the text's own uncertainty and the price of the model's mistakes.",
        "[在“分布”页面打开 P 和 Q]({url})：Q 是模型的分布，P 是{source}，共 {k} 个类别（最可能的几个字，其余合并为一类）。在那里，H(P, Q) = H(P) + KL(P‖Q) 把模型的代价拆成文本自身的不确定性和模型犯错的代价，其中 KL 散度也叫相对熵。",
    ),
    "language.next.link.all": (
        "[Open P and Q on the Distributions page]({url}): Q the model's distribution, P {source}, over all {k} characters of the vocabulary. There H(P, Q) = H(P) + KL(P‖Q) splits the model's cost into the text's own uncertainty and the price of the model's mistakes.",
        "[在“分布”页面打开 P 和 Q]({url})：Q 是模型的分布，P 是{source}，覆盖词表中全部 {k} 个字。在那里，H(P, Q) = H(P) + KL(P‖Q) 把模型的代价拆成文本自身的不确定性和模型犯错的代价，其中 KL 散度也叫相对熵。",
    ),
    "language.next.no_link": (
        "«{h}» precedes no character in either text, so there is nothing to compare the model's answer with.",
        "«{h}»在两段文本中都没有出现在任何字之前，所以没有可以和模型的回答相比较的东西。",
    ),
    # --- sizes
    "language.sizes.utf8": ("UTF-8, as stored", "UTF-8 原样存储"),
    "language.sizes.model": ("ideal code, model k = {k}, α = {a}", "理想编码：模型 k = {k}，α = {a}"),
    "language.sizes.bytes": ("{n} bytes", "{n} 字节"),
    "language.sizes.y": ("Bits per character of the test text", "测试文本每字比特数"),
    "language.sizes.utf8_note": (
        "Stored plainly, the {n} test characters take {bytes} UTF-8 bytes, {b} bits per character: 8 for a character of ASCII, 24 for a common Chinese character, which takes 3 bytes.",
        "原样存储时，测试文本的 {n} 个字占 {bytes} 个 UTF-8 字节，即每字 {b} 比特：一个基本拉丁字符（英文字母、数字和常用符号）是 8 比特，一个常用汉字占 3 个字节，是 24 比特。",
    ),
    "language.sizes.ideal": (
        "Coded with the model: {h} bits per character × {n} characters = {bits} bits, {bytes} bytes.",
        "用模型编码：每字 {h} 比特 × {n} 个字 = {bits} 比特，即 {bytes} 字节。",
    ),
    "language.sizes.ideal_inf": (
        "Coded with the model: impossible, the model gives some test character probability 0 (α = 0), which no code can write in finitely many bits.",
        "用模型编码：做不到。模型给某个测试字的概率为 0（α = 0），任何编码都无法用有限的比特数写出它。",
    ),
    "language.sizes.model_wins": (
        "Here the model's code is the smallest; the best general-purpose compressor, {other}, takes {bytes} bytes. A better model is a better compressor.",
        "这里模型的编码最小；最好的通用压缩程序是 {other}，需要 {bytes} 字节。更好的模型就是更好的压缩器。",
    ),
    "language.sizes.compressor_wins": (
        "Here {best} is the smallest ({bytes} bytes, against {model} for the model's code): this model predicts the test text worse than {best}'s own model of it.",
        "这里 {best} 最小（{bytes} 字节，模型的编码是 {model} 字节）：这个模型对测试文本的预测，不如 {best} 自己的模型。",
    ),
    "language.sizes.compressor_only": (
        "The smallest of the compressors is {best}, {bytes} bytes.",
        "压缩程序中最小的是 {best}，{bytes} 字节。",
    ),
    "language.sizes.fine_print": (
        "Two things the comparison leaves out: the model's own size is not counted (a decoder needs the counts, learned from the training text), while zlib, bz2 and lzma start from nothing, learn the test text as they go and add headers of their own, which weigh most on a short text.",
        "这个比较没有计入两件事：模型本身的大小没有计入（解码器需要那些从训练文本学来的计数）；而 zlib、bz2 和 lzma 从零开始，边读测试文本边学习，还要加上自己的文件头，文本越短，这部分越显眼。",
    ),
    # --- converter
    "language.conv.symbols": (
        r"$H$: the loss per token, in nats or in bits; $B$: bytes per token; $\mathrm{BPB}$: bits per byte.",
        r"$H$：每词元的损失，以奈特或比特计；$B$：每词元字节数；$\mathrm{BPB}$：每字节比特数。",
    ),
    "language.conv.nats": ("Loss (nats per token)", "损失（每词元奈特数）"),
    "language.conv.bits": ("Bits per token", "每词元比特数"),
    "language.conv.ppl": ("Perplexity", "困惑度"),
    "language.conv.bpt": ("Bytes per token", "每词元字节数"),
    "language.conv.bpt.help": (
        "How many bytes of UTF-8 text a token covers on average with the model's tokenizer. A common rule of thumb for English: about 4 characters per token.",
        "使用该模型的分词器时，一个词元平均覆盖多少个 UTF-8 字节。英文的一个常见经验值：每个词元约 4 个字符。",
    ),
    "language.conv.says": (
        "A loss of {nats} nats per token is {bits} bits per token and a perplexity of {ppl}: in geometric mean, the model gave the right token probability 1/{ppl}. At {bpt} bytes per token that is {bpb} bits per byte.",
        "每词元 {nats} 奈特的损失，等于每词元 {bits} 比特，困惑度为 {ppl}：按几何平均，模型给正确词元的概率是 1/{ppl}。按每词元 {bpt} 字节计算，就是每字节 {bpb} 比特。",
    ),
}
