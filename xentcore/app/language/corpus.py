"""The page's built-in texts, written for this project: a few paragraphs about information, cross-entropy and
language models, in English and in Simplified Chinese (each a translation of the same ideas, not of each other
sentence by sentence). Plain text, one paragraph a line, so the character model sees ordinary prose."""

EN = """\
Every message we send is a guess that the receiver will understand it. When a friend writes "see you at the", \
you already expect "station" or "cinema" far more than "volcano". Information theory turns that expectation into \
numbers. An event we thought had probability p carries a surprise of log(1/p): a sure thing surprises us not at \
all, the toss of a fair coin gives one bit, and a one-in-a-million event gives about twenty bits.

The entropy of a source is its average surprise, measured with its own probabilities. No code can use fewer bits \
per symbol than the entropy, on average; Claude Shannon proved it in 1948. English letters counted one at a time \
have an entropy of a little over four bits each. Read in context, with the letters before them, they carry far \
less, because the language repeats itself in ways a reader can predict.

Cross-entropy asks a slightly different question. Suppose the text comes from one distribution, P, but we predict \
it with another, Q, our model. Then each symbol costs log(1/q) bits, and the average over the text is the \
cross-entropy of P and Q. It is never smaller than the entropy of P, and the gap between the two is the \
Kullback-Leibler divergence: the price of believing Q when the world follows P.

This is why language models are trained to make cross-entropy small. The loss printed at every training step is \
the average of minus the log of the probability the model gave to the token that really came next. A loss of 2.1 \
nats per token means that the model gave the right token, in geometric mean, a probability of about one in eight. \
Its perplexity, e to the power of the loss, says the same thing: the model was as unsure as if it had to choose \
among eight equally likely tokens.

A model that predicts well is also a compressor. An arithmetic coder driven by the model's probabilities writes \
each symbol in about log(1/q) bits, so the cross-entropy times the length of the text is the size of the \
compressed file, give or take a couple of bits. Better predictions make smaller files. The converse holds too: \
every compressor, from the zip files on a desktop to the newest neural network, carries a model of the data inside \
it, even when nobody wrote that model down.

There is a catch. A model can learn its training text by heart. Give a character model a long enough context and \
every history it saw is followed by one character only, so its cross-entropy on the training text drops towards \
zero. On new text the same model is lost: most long histories were never seen, and it has to guess. The \
cross-entropy on held-out text is the honest number, and it is the one that stops falling when the model starts \
to memorise.

Smoothing is one remedy. Instead of trusting the counts completely, the model adds a small pseudo-count to every \
possible next character, so nothing it has not seen is ever declared impossible. An event with probability zero \
would cost an infinite number of bits, and a single unexpected character would ruin the whole score. A little \
humility keeps the cross-entropy finite.

Units matter when reading these numbers. Natural logarithms give nats, logarithms to base two give bits, and one \
nat is about 1.44 bits. Papers on language models usually report the loss in nats per token, while compression \
benchmarks report bits per character or bits per byte. A token is often a piece of a word, a few bytes of English \
text, so a loss per token and a number of bits per byte differ by more than a change of units: they divide by \
different lengths.

The numbers on this page come from a deliberately simple model. It counts which characters follow which short \
histories in the training text and turns the counts into probabilities. It knows nothing about words, grammar or \
meaning. Yet it already tells the story that large language models tell at a far larger scale: the training loss \
keeps falling, the held-out loss tells the truth, and the average number of bits per character measures how much \
of the text the model has understood.
"""

ZH = """\
我们说出的每一句话，都是在猜测对方能够听懂。朋友发来“明天下午三点在”，你多半会猜下一个词是某个地点，而不是一种水果。\
信息论把这种期待变成了数字：一个我们认为概率为 p 的事件，带来的惊讶程度是 1/p 的对数。必然发生的事毫不令人惊讶，\
抛一枚均匀硬币的结果是一比特，百万分之一的事件大约是二十比特。

一个信源的熵，是用它自己的概率衡量的平均惊讶程度。香农在一九四八年证明，任何编码平均每个符号所用的比特数都不可能少于熵。\
汉字的情形很特别：常用字有几千个，单看一个字，它的熵远高于英文的一个字母；但放在上下文里，前面的字往往已经透露了后面的字。

交叉熵问的是一个稍有不同的问题。假设文本来自分布 P，而我们用另一个分布 Q，也就是我们的模型，去预测它。\
那么每个符号的代价是 1/q 的对数，在整段文本上取平均，就得到 P 与 Q 的交叉熵。交叉熵永远不会小于 P 的熵，\
两者之差叫作相对熵，也称 KL 散度：世界遵循 P，我们却相信 Q，为此付出的代价。

这就是语言模型以降低交叉熵为训练目标的原因。训练时每一步打印出来的损失，是模型给真正出现的下一个词元的概率取对数、\
再取相反数之后的平均值。损失为每词元 2.1 奈特，意味着模型给正确词元的概率，按几何平均算大约是八分之一。\
困惑度等于 e 的损失次方，说的是同一件事：模型的犹豫程度，相当于要在八个同样可能的词元中挑出一个。

能够准确预测的模型，同时也是一个压缩器。用模型的概率驱动算术编码器，每个符号大约只需要 1/q 的对数那么多比特，\
所以交叉熵乘以文本长度，就是压缩后文件的大小，误差不过一两个比特。预测越准，文件越小。反过来也一样：\
每一个压缩程序，从电脑上常见的压缩软件到最新的神经网络，内部都藏着一个关于数据的模型，哪怕没有人把它明确地写下来。

但这里有一个陷阱：模型可以把训练文本背下来。给字符模型足够长的上下文，它在训练文本中见过的每一段历史后面都只跟着一个字，\
于是它在训练文本上的交叉熵会一路降到接近零。换成新的文本，同一个模型就无所适从了：大多数长的历史它从来没有见过，只能瞎猜。\
留出文本上的交叉熵才是诚实的数字；模型开始死记硬背时，停止下降的正是它。

平滑是一种补救办法。模型不再完全相信计数，而是给每一个可能出现的下一个字都加上一个很小的伪计数，\
这样，没有见过的东西就不会被判定为不可能。一个概率为零的事件需要无穷多个比特，只要出现一个意料之外的字，整个分数就毁了。\
保留一点谦虚，交叉熵才会是有限的。

读这些数字时，单位很重要。用自然对数得到的是奈特，用以二为底的对数得到的是比特，一奈特约等于一点四四比特。\
语言模型的论文通常报告每个词元多少奈特，而压缩评测通常报告每个字或每个字节多少比特。一个词元往往只是一个词的一部分，\
所以每词元的损失和每字节的比特数之间，不只是换了单位，还除以了不同的长度。对中文来说还要注意：在网页上最常用的编码里，\
一个常用汉字占三个字节，而一个英文字母只占一个字节。

再看一个例子。假设一段文字里“的”字出现得最多，那么一个只统计单字频率的模型，会把最大的概率留给“的”。它每次都这样猜，\
大多数时候都猜错，但错得不算离谱，因为“的”确实常见。如果让模型看到前一个字，情况就不同了：在“我们”后面，“的”和“说”都有可能，\
而在“交叉”后面，几乎一定是“熵”。上下文越长，猜得越准，前提是这段上下文在训练文本里出现过。

这也说明了为什么大模型需要那么多数据。一个只读过几千个字的模型，见过的历史少得可怜；读过几千亿个词元的模型，\
几乎每一种常见的说法都见过许多次。数据越多，模型就可以放心地看更长的上下文，而不至于只是在背书。

本页的数字来自一个刻意简单的模型。它统计训练文本中每一段短的历史后面跟着哪些字，再把计数变成概率。\
它不懂词语，不懂语法，也不懂意思。然而，它已经讲出了大型语言模型在大得多的规模上讲述的同一个故事：训练损失一直下降，\
留出损失说出真相，而平均每个字的比特数，衡量的是模型对这段文本究竟理解了多少。
"""

TEXTS = {"en": EN.rstrip(), "zh": ZH.rstrip()}
