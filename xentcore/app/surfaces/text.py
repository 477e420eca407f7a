"""Loss-surfaces page text, and the page's formula (LaTeX, the same in every language)."""

FORMULA = (
    r"\hat y_i=\sigma(w_1x_{i1}+w_2x_{i2}+b),\quad "
    r"\mathrm{CE}(w)=-\frac1N\sum_i\bigl[y_i\log\hat y_i+(1-y_i)\log(1-\hat y_i)\bigr],\quad "
    r"\mathrm{MSE}(w)=\frac1N\sum_i(y_i-\hat y_i)^2"
)

TEXT = {
    "surfaces.intro": (
        "A logistic regression on two features has two weights w₁, w₂ and a bias b, held fixed here at "
        "b = {b}. Every pair of weights gives one value of each loss over the whole data set, so each loss is "
        "a landscape over the (w₁, w₂) plane.",
        "两个特征的逻辑回归有两个权重 w₁、w₂ 和一个偏置 b，此处 b 固定为 {b}。每一对权重在整个数据集上给出每种"
        "损失的一个值，因此每种损失都是 (w₁, w₂) 平面上的一片地形。",
    ),
    "surfaces.intro.ce.strict": (
        "Cross-entropy's landscape is convex, but on these data it has no minimum. A line through the origin "
        "separates the two classes: for d = ({d1}, {d2}), every point with d·x > 0 is of {cls} and every "
        "other point of the other class. Moving w out along d makes every prediction more confidently right, so "
        "the loss falls at every step, towards 0, and never reaches it. (With b fixed, the boundary "
        "w·x + b = 0 tends to such a line as w grows: that is the test, whatever b.)",
        "交叉熵的地形是凸的，但在这组数据上它没有最小值。一条过原点的直线把两个类别分开：取 d = ({d1}, {d2})，"
        "凡是 d·x > 0 的点都属于{cls}，其余的点都属于另一类。让 w 沿 d 方向向外移动，每个预测都会更自信地正确，"
        "因此损失每一步都在下降，趋于 0，却永远达不到。（b 固定时，随着 w 增大，决策边界 w·x + b = 0 "
        "趋于这样一条过原点的直线：无论 b 取何值，检验标准都是它。）",
    ),
    "surfaces.intro.ce.weak": (
        "Cross-entropy's landscape is convex, but on these data it has no minimum: along d = ({d1}, {d2}) no "
        "point is ever pushed towards the wrong class and some are pushed towards the right one, so moving w "
        "out along d lowers the loss without end. The points on the line d·x = 0 keep their loss, so it does "
        "not fall to 0.",
        "交叉熵的地形是凸的，但在这组数据上它没有最小值：沿 d = ({d1}, {d2}) 方向，没有任何点被推向错误的类别，"
        "而有些点被推向正确的类别，因此让 w 沿 d 向外移动，损失会无止境地下降。位于直线 d·x = 0 上的点损失不变，"
        "因此总损失不会降到 0。",
    ),
    "surfaces.intro.ce.min": (
        "Cross-entropy's landscape is a convex bowl with a single minimum, at w = ({w1}, {w2}), where the loss "
        "is {v} {unit}: no line through the origin separates the two classes, so far enough out the loss rises "
        "in every direction. The minimum is {where}.",
        "交叉熵的地形是一个凸碗，只有一个最小值，位于 w = ({w1}, {w2})，损失为 {v} {unit}："
        "没有任何过原点的直线能把两个类别分开，因此走得足够远时，损失在每个方向上都会上升。这个最小值{where}。",
    ),
    "surfaces.intro.inside": ("inside the plotted square (±{r})", "在所画的正方形（±{r}）之内"),
    "surfaces.intro.outside": (
        "outside the plotted square (±{r}): widen the weight range to see it",
        "在所画的正方形（±{r}）之外：加大权重范围即可看到它",
    ),
    "surfaces.intro.mse": (
        "MSE lies between 0 and 1 and is not constant, so it cannot be convex over the whole plane (a convex "
        "function bounded above on the plane is constant). Far out in every direction it flattens as the "
        "sigmoid saturates, into plateaus about as high as the share of points the model gets wrong there; on "
        "them descent can crawl or stall.",
        "MSE 介于 0 和 1 之间且不是常数，因此不可能在整个平面上是凸的（平面上有上界的凸函数必为常数）。"
        "在每个方向上走得足够远，sigmoid 饱和，MSE 变平，形成高原，其高度约等于模型在那里判错的样本比例；"
        "在高原上梯度下降会爬行甚至停滞。",
    ),
    "surfaces.intro.mse.view": (
        "In this view MSE fails the midpoint test of convexity at {n} of {checks} checks.",
        "在当前视图中，MSE 在 {checks} 次凸性中点检验中有 {n} 次未通过。",
    ),
    "surfaces.intro.mse.view_passes": (
        "In this view MSE passes all {checks} midpoint tests of convexity: where it is not convex lies outside "
        "the plotted square.",
        "在当前视图中，MSE 通过了全部 {checks} 次凸性中点检验：它不凸的地方位于所画的正方形之外。",
    ),
    # predict, then reveal
    "surfaces.quiz": (
        "Look at the data: with the bias held at b = {b}, does the cross-entropy have a lowest point over "
        "(w₁, w₂), and is it inside this view (both weights within ±{r})?",
        "看看这组数据：偏置固定为 b = {b} 时，交叉熵在 (w₁, w₂) 上有没有最低点？它在当前视图（两个权重都在 ±{r} 之内）里吗？",
    ),
    "surfaces.quiz.inside": ("Yes, inside this view", "有，在当前视图之内"),
    "surfaces.quiz.outside": ("Yes, but outside this view", "有，但在当前视图之外"),
    "surfaces.quiz.none": ("No: it keeps falling in some direction", "没有：它沿某个方向一直下降"),
    "surfaces.quiz.why.strict": (
        "A line through the origin separates the two classes (d = ({d1}, {d2})): moving w out along d makes every "
        "prediction more confidently right, so the cross-entropy falls towards 0 at every step and never gets "
        "there. Separable data: no minimum.",
        "一条过原点的直线把两个类别分开（d = ({d1}, {d2})）：让 w 沿 d 向外移动，每个预测都更自信地正确，"
        "所以交叉熵每一步都向 0 下降，却永远到不了。可分的数据：没有最小值。",
    ),
    "surfaces.quiz.why.weak": (
        "Along d = ({d1}, {d2}) no point is ever pushed towards the wrong class and some are pushed towards the "
        "right one: moving w out along d lowers the cross-entropy without end, so it has no minimum.",
        "沿 d = ({d1}, {d2}) 方向，没有任何点被推向错误的类别，而有些点被推向正确的类别："
        "让 w 沿 d 向外移动，交叉熵会无止境地下降，所以它没有最小值。",
    ),
    "surfaces.quiz.why.min": (
        "No line through the origin separates the two classes, so far enough out the cross-entropy rises in every "
        "direction: its single minimum is at w = ({w1}, {w2}), where it is {v} {unit}, {where}.",
        "没有任何过原点的直线能把两个类别分开，所以走得足够远时，交叉熵在每个方向上都会上升：它唯一的最小值位于 "
        "w = ({w1}, {w2})，值为 {v} {unit}，{where}。",
    ),
    "surfaces.controls.data": ("Data", "数据"),
    "surfaces.controls.surface": ("Surface", "曲面"),
    "surfaces.controls.descent": ("Gradient descent", "梯度下降"),
    "surfaces.data": ("Data set", "数据集"),
    "surfaces.data.blobs": ("Two distant blobs", "相距较远的两团点"),
    "surfaces.data.overlap": ("Two overlapping blobs", "两团重叠的点"),
    "surfaces.data.article": ("The tutorial's random labels", "教程中的随机标签"),
    "surfaces.data.moons": ("Two moons", "双月形"),
    "surfaces.data.xor": ("XOR (four quadrants)", "异或（四个象限）"),
    "surfaces.n": ("Number of points N", "样本数 N"),
    "surfaces.noise": ("Extra noise", "额外噪声"),
    "surfaces.seed": ("Random seed", "随机种子"),
    "surfaces.article.note": (
        "The tutorial's data are fixed: 100 standard-normal points with labels drawn at random, independent "
        "of the points, so there is nothing to learn.",
        "教程的数据是固定的：100 个标准正态分布的点，标签随机抽取且与点无关，因此没有任何规律可学。",
    ),
    "surfaces.grid": ("Grid points per side", "每边网格点数"),
    "surfaces.grid.help": (
        "The surfaces are computed on a lattice of {g} × {g} weight pairs, all at once (no loop over points).",
        "曲面在 {g} × {g} 个权重组合构成的网格上一次性计算（不对网格点逐个循环）。",
    ),
    "surfaces.grid.drawn": (
        "The pictures draw {d} × {d} of them, evenly spread: at a chart's width more would not show. The numbers and "
        "the stars use every point.",
        "图中只画出其中均匀分布的 {d} × {d} 个点：以图的宽度，再多也看不出来。数值和星号用全部网格点。",
    ),
    "surfaces.r": ("Weight range ±r", "权重范围 ±r"),
    "surfaces.b": ("Bias b (fixed)", "偏置 b（固定）"),
    "surfaces.b.help": (
        "The bias is held at this value for both surfaces and both descents; move it to see the landscapes change.",
        "两个曲面和两次梯度下降都使用这个固定的偏置；移动它可以看到地形如何变化。",
    ),
    "surfaces.ang": ("Slice direction (degrees)", "切片方向（度）"),
    "surfaces.ang.help": (
        "The 1-D slice below runs through the origin at this angle from the w₁ axis (the dashed line).",
        "下方的一维切片沿与 w₁ 轴成此角度、穿过原点的直线（图中虚线）。",
    ),
    "surfaces.w1": ("Start w₁", "起点 w₁"),
    "surfaces.w2": ("Start w₂", "起点 w₂"),
    "surfaces.lr": ("Learning rate", "学习率"),
    "surfaces.steps": ("Steps", "步数"),
    "surfaces.class": ("class {k}", "类别 {k}"),
    "surfaces.data.caption": ("{name}: N = {n}, standardised features.", "{name}：N = {n}，特征已标准化。"),
    "surfaces.data.caption.article": (
        "{name}: N = {n}, features as the tutorial draws them (standard normal, not re-standardised).",
        "{name}：N = {n}，特征与教程中抽取的一致（标准正态分布，未再标准化）。",
    ),
    "surfaces.descent.body": (
        "Both models start at the same weights and take {steps} steps of plain gradient descent with "
        "learning rate {lr}, one on cross-entropy and one on MSE. Only w₁ and w₂ move; the bias stays at "
        "b = {b}, so both paths lie on the landscapes above (the figures show the part inside the square).",
        "两个模型从相同的权重出发，以学习率 {lr} 做 {steps} 步普通梯度下降，一个最小化交叉熵，一个最小化 MSE。"
        "只有 w₁ 和 w₂ 会移动，偏置保持 b = {b}，因此两条路径都位于上方的地形上（图中显示正方形之内的部分）。",
    ),
    "surfaces.metric.ce": ("Cross-entropy after descent on CE", "交叉熵（按 CE 下降后）"),
    "surfaces.metric.mse": ("MSE after descent on MSE", "MSE（按 MSE 下降后）"),
    "surfaces.metric.help": (
        "Each model's own loss at the end of its path. The two losses have different scales; compare how "
        "far each fell (the note below each number).",
        "每个模型在其路径终点处自身的损失。两种损失的量纲不同；请比较各自下降了多少（见各数字下方的说明）。",
    ),
    "surfaces.path.fell": ("The loss fell from {a} to {b}{u}.", "损失从 {a} 降到 {b}{u}。"),
    "surfaces.path.rose": (
        "The loss rose from {a} to {b}{u}: the steps overshoot, the learning rate is too large here.",
        "损失从 {a} 升到 {b}{u}：步子迈过了头，这里的学习率太大。",
    ),
    "surfaces.path.flat": (
        "The loss hardly changed ({a} → {b}{u}): no step moved w by more than {s} (a step is the learning "
        "rate times the gradient).",
        "损失几乎没变（{a} → {b}{u}）：没有哪一步让 w 移动超过 {s}（每一步等于学习率乘以梯度）。",
    ),
    "surfaces.path.rises": (
        "It rose at {n} of its {s} steps, where a step overshot.",
        "在 {s} 步中有 {n} 步损失上升，这些步子迈过了头。",
    ),
    "surfaces.path.unbounded": (
        "There is no minimum to reach, so the path cannot settle; it ended at ({w1}, {w2}).",
        "没有可到达的最小值，因此路径无法停下；它终止于 ({w1}, {w2})。",
    ),
    "surfaces.path.at_min": ("It ended at the minimum, ({w1}, {w2}).", "它终止于最小值处 ({w1}, {w2})。"),
    "surfaces.path.to_min": (
        "It ended at ({w1}, {w2}), {d} from the minimum at ({m1}, {m2}).",
        "它终止于 ({w1}, {w2})，距最小值 ({m1}, {m2}) 还有 {d}。",
    ),
    "surfaces.path.end": (
        "It ended at ({w1}, {w2}), where the gradient's size is {g}.",
        "它终止于 ({w1}, {w2})，该处梯度大小为 {g}。",
    ),
    "surfaces.path.outside": ("That is outside the plotted square.", "该点在所画的正方形之外。"),
    "surfaces.contour.header": ("The two landscapes, seen from above", "两片地形的俯视图"),
    "surfaces.ce": ("Cross-entropy ({unit})", "交叉熵（{unit}）"),
    "surfaces.mse": ("MSE", "MSE"),
    "surfaces.path_ce": ("descent on cross-entropy", "按交叉熵下降"),
    "surfaces.path_mse": ("descent on MSE", "按 MSE 下降"),
    "surfaces.start": ("start", "起点"),
    "surfaces.minimum": ("lowest grid point", "网格最低点"),
    "surfaces.ce_minimum": ("minimum of cross-entropy", "交叉熵的最小值"),
    "surfaces.slice": ("slice", "切片"),
    "surfaces.contour.caption": (
        "Both paths are drawn on both surfaces. For a point the model gets confidently wrong, the gradient of "
        "its MSE with respect to its logit almost vanishes while that of its cross-entropy stays near its "
        "largest: where the model is confidently wrong, MSE's landscape is flat and cross-entropy's is not.",
        "两条路径都同时画在两个曲面上。对于模型自信地判错的样本，其 MSE 对 logit 的梯度几乎消失，"
        "而其交叉熵的梯度接近最大值：在模型自信地犯错的区域，MSE 的地形是平的，交叉熵的则不是。",
    ),
    "surfaces.contour.edge": (
        "With no minimum, cross-entropy's lowest grid point lies on the edge of the square.",
        "由于没有最小值，交叉熵的网格最低点位于正方形的边上。",
    ),
    "surfaces.contour.marked": (
        "The minimum of cross-entropy is marked with a diamond.",
        "交叉熵的最小值用菱形标出。",
    ),
    "surfaces.d3": ("Show as 3-D surfaces", "以三维曲面显示"),
    "surfaces.slice.header": ("A 1-D slice through both landscapes", "穿过两片地形的一维切片"),
    "surfaces.slice.body": (
        "Both losses along the dashed line w = t · (cos {ang}°, sin {ang}°), for t from −{r} to {r}. A function "
        "is convex when the chord between any two points of its graph lies on or above the graph. Here each "
        "sample is compared with the midpoint of the chord between its two neighbours; shaded stretches lie "
        "above it and fail the test.",
        "两种损失沿虚线 w = t · (cos {ang}°, sin {ang}°) 的取值，t 从 −{r} 到 {r}。若函数图像上任意两点之间的弦"
        "都不低于图像，函数就是凸的。这里把每个采样点与其两个相邻点之间弦的中点比较；阴影部分高于中点，未通过检验。",
    ),
    "surfaces.slice.t": ("position t along the slice", "沿切片的位置 t"),
    "surfaces.slice.concave": ("not convex", "非凸"),
    "surfaces.slice.nonconvex": (
        "On this slice MSE is not convex on {spans}: there it bends the wrong way.",
        "在这条切片上，MSE 在 {spans} 上不是凸的：曲线在那里向错误的方向弯曲。",
    ),
    "surfaces.slice.convex": (
        "On this slice MSE passes the midpoint test. It cannot be convex along the whole line (it is bounded "
        "and not constant there); try another direction, a wider weight range or another data set to see "
        "where it fails.",
        "在这条切片上 MSE 通过了中点检验。但它不可能沿整条直线都是凸的（它有界且不是常数）；"
        "换一个方向、加大权重范围或换一个数据集，看看它在哪里失败。",
    ),
    "surfaces.slice.ce_inside": (
        "Cross-entropy passes the test all along the slice, as a convex function must; on it, it is lowest at "
        "t = {t} ({v} {unit}).",
        "交叉熵在整条切片上都通过了检验，凸函数理应如此；在这条切片上，它在 t = {t} 处最低（{v} {unit}）。",
    ),
    "surfaces.slice.ce_end": (
        "Cross-entropy passes the test all along the slice, as a convex function must; on it, it keeps falling "
        "to the end of the slice, t = {t} ({v} {unit}).",
        "交叉熵在整条切片上都通过了检验，凸函数理应如此；在这条切片上，它一直下降到切片的端点 t = {t}（{v} {unit}）。",
    ),
    "surfaces.slice.ce_concave": (
        "The midpoint test flagged the cross-entropy slice, which is convex in exact arithmetic: this is "
        "rounding error in a nearly flat stretch.",
        "中点检验标记了交叉熵切片，而它在精确算术下是凸的：这是近乎平坦区段中的舍入误差。",
    ),
    "surfaces.alt.data": (
        "The data: {n} points in the plane (x₁, x₂), {n0} of class 0 and {n1} of class 1.",
        "数据：平面 (x₁, x₂) 上的 {n} 个点，其中类别 0 有 {n0} 个，类别 1 有 {n1} 个。",
    ),
    "surfaces.alt.contour": (
        "Contour maps of cross-entropy and MSE over the weights w₁, w₂ from −{r} to {r} at bias b = {b}. On the "
        "grid, cross-entropy is lowest at ({c1}, {c2}) with {cv} {unit}, MSE at ({m1}, {m2}) with {mv}. Gradient "
        "descent from ({s1}, {s2}) ends at ({e1}, {e2}) on cross-entropy and at ({f1}, {f2}) on MSE.",
        "交叉熵与 MSE 在权重 w₁、w₂（从 −{r} 到 {r}，偏置 b = {b}）上的等高线图。网格上交叉熵在 ({c1}, {c2}) 处最低，"
        "为 {cv} {unit}；MSE 在 ({m1}, {m2}) 处最低，为 {mv}。梯度下降从 ({s1}, {s2}) 出发，在交叉熵上停在 "
        "({e1}, {e2})，在 MSE 上停在 ({f1}, {f2})。",
    ),
    "surfaces.alt.3d": (
        "The same two surfaces in 3-D. On the grid, cross-entropy is lowest at ({c1}, {c2}) with {cv} {unit}, "
        "MSE at ({m1}, {m2}) with {mv}.",
        "同样两个曲面的三维图。网格上交叉熵在 ({c1}, {c2}) 处最低，为 {cv} {unit}；MSE 在 ({m1}, {m2}) 处最低，为 {mv}。",
    ),
    "surfaces.alt.slice": (
        "Cross-entropy and MSE along the slice, t from {t0} to {t1}.",
        "交叉熵与 MSE 沿切片的变化，t 从 {t0} 到 {t1}。",
    ),
}
