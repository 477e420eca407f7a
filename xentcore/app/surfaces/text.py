"""Loss-surfaces page text."""

TEXT = {
    "surfaces.intro": (
        "A logistic regression on two features has two weights w₁, w₂ (and a bias b, held fixed here). "
        "Every pair of weights gives one value of each loss over the whole data set, so each loss is a "
        "landscape over the (w₁, w₂) plane. Cross-entropy's landscape is a convex bowl: gradient descent "
        "slides down from anywhere. MSE's has flat plateaus where the model is confidently wrong, and it is "
        "not convex: descent can crawl or stall there.",
        "两个特征的逻辑回归有两个权重 w₁、w₂（以及偏置 b，此处固定）。每一对权重在整个数据集上给出每种损失的"
        "一个值，因此每种损失都是 (w₁, w₂) 平面上的一片地形。交叉熵的地形是一个凸碗：梯度下降从任何位置都能滑到"
        "底部。MSE 的地形在模型“自信地犯错”的区域是平坦的高原，而且不是凸的：梯度下降在那里会爬行甚至停滞。",
    ),
    "surfaces.controls.data": ("Data", "数据"),
    "surfaces.controls.surface": ("Surface", "曲面"),
    "surfaces.controls.descent": ("Gradient descent", "梯度下降"),
    "surfaces.data": ("Data set", "数据集"),
    "surfaces.data.blobs": ("Two separated blobs", "两团分离的点"),
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
        "The surfaces are computed on a grid × grid lattice of weights, all at once (no loop over points).",
        "曲面在 grid × grid 的权重网格上一次性计算（不对网格点逐个循环）。",
    ),
    "surfaces.r": ("Weight range ±r", "权重范围 ±r"),
    "surfaces.b": ("Bias b (fixed)", "偏置 b（固定）"),
    "surfaces.b.help": (
        "The features are standardised and the synthetic classes balanced, so b = 0 is close to the best "
        "bias; move it to see the landscape shift.",
        "特征已标准化且合成数据的类别均衡，因此 b = 0 接近最优偏置；移动它可以看到地形如何平移。",
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
    "surfaces.descent.body": (
        "Both models start at the same weights and take {steps} steps of plain gradient descent with "
        "learning rate {lr}, one on cross-entropy and one on MSE. Only w₁ and w₂ move; the bias stays at "
        "b = {b}, so both paths lie on the surfaces below.",
        "两个模型从相同的权重出发，以学习率 {lr} 做 {steps} 步普通梯度下降，一个最小化交叉熵，一个最小化 MSE。"
        "只有 w₁ 和 w₂ 会移动，偏置保持 b = {b}，因此两条路径都位于下方的曲面上。",
    ),
    "surfaces.metric.ce": ("Cross-entropy after descent on CE", "交叉熵（按 CE 下降后）"),
    "surfaces.metric.mse": ("MSE after descent on MSE", "MSE（按 MSE 下降后）"),
    "surfaces.metric.help": (
        "Each model's own loss at the end of its path. The two losses have different scales; compare how "
        "far each fell and how far each moved.",
        "每个模型在其路径终点处自身的损失。两种损失的量纲不同；请比较各自下降了多少、移动了多远。",
    ),
    "surfaces.metric.moved": (
        "from {start}; moved {d} to (w₁, w₂) = ({w1}, {w2})",
        "起始值 {start}；移动了 {d}，到达 (w₁, w₂) = ({w1}, {w2})",
    ),
    "surfaces.contour.header": ("The two landscapes, seen from above", "两片地形的俯视图"),
    "surfaces.ce": ("Cross-entropy ({unit})", "交叉熵（{unit}）"),
    "surfaces.mse": ("MSE", "MSE"),
    "surfaces.path_ce": ("descent on cross-entropy", "按交叉熵下降"),
    "surfaces.path_mse": ("descent on MSE", "按 MSE 下降"),
    "surfaces.start": ("start", "起点"),
    "surfaces.minimum": ("lowest grid point", "网格最低点"),
    "surfaces.slice": ("slice", "切片"),
    "surfaces.contour.caption": (
        "Both paths are drawn on both surfaces. Where the model is confidently wrong, MSE's landscape is flat "
        "and its gradient almost vanishes, so a descent on MSE that starts there crawls or stalls (the "
        "default view: separated blobs, start (−5, −2)), while the descent on cross-entropy always finds the "
        "slope of its bowl. On separable data the cross-entropy keeps falling as the weights grow, so its "
        "lowest grid point sits at the edge of the grid.",
        "两条路径都同时画在两个曲面上。在模型“自信地犯错”的区域，MSE 的地形是平的、梯度几乎消失，"
        "因此从那里出发的 MSE 梯度下降会爬行甚至停滞（默认视图：两团分离的点，起点 (−5, −2)），"
        "而交叉熵的梯度下降总能沿碗壁找到下坡方向。在可分数据上，权重越大交叉熵越低，"
        "因此它的网格最低点位于网格边缘。",
    ),
    "surfaces.d3": ("Show as 3-D surfaces", "以三维曲面显示"),
    "surfaces.slice.header": ("A 1-D slice: bowl against plateau", "一维切片：碗形对比高原"),
    "surfaces.slice.body": (
        "Both losses along the dashed line w = t · (cos {ang}°, sin {ang}°). A function is convex when every "
        "point of its graph lies on or below the chord of its neighbours; shaded stretches fail that test.",
        "两种损失沿虚线 w = t · (cos {ang}°, sin {ang}°) 的取值。若函数图像上每一点都不高于其相邻点连线（弦），"
        "函数就是凸的；阴影部分未通过这一检验。",
    ),
    "surfaces.slice.t": ("position t along the slice", "沿切片的位置 t"),
    "surfaces.slice.concave": ("not convex", "非凸"),
    "surfaces.slice.nonconvex": (
        "On this slice MSE is not convex on {spans}: it bends the wrong way, and on its flat shoulders a "
        "gradient step hardly moves. Cross-entropy is convex everywhere, so it has no such places and a "
        "single minimum valley.",
        "在这条切片上，MSE 在 {spans} 上不是凸的：曲线向错误的方向弯曲，而在其平坦的“肩部”梯度步几乎不动。"
        "交叉熵处处是凸的，没有这样的区域，只有一个最低的谷底。",
    ),
    "surfaces.slice.convex": (
        "On this slice MSE happens to pass the midpoint test; try another direction or data set (for example "
        "the separated blobs at 45°) to see where it fails.",
        "在这条切片上 MSE 恰好通过了中点检验；换一个方向或数据集（例如两团分离的点、45°）即可看到它失败的地方。",
    ),
    "surfaces.slice.ce_concave": (
        "The midpoint test flagged the cross-entropy slice, which is convex in exact arithmetic: this is "
        "rounding error in a nearly flat stretch.",
        "中点检验标记了交叉熵切片，而它在精确算术下是凸的：这是近乎平坦区段中的舍入误差。",
    ),
}
