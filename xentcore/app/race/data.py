"""What the race page knows about each data set, defined once: its title, whether the page's N / noise / seed
change it, its number of features, and the display names of its classes and features in both languages.

Names are ``(English, Chinese)`` pairs. The English names of the two real sets are scikit-learn's own (a test
checks them against :func:`xentcore.datasets.make_dataset`); an uploaded file's names are its own, in both
languages. ``d = None`` means the data decides (an uploaded file).
"""

from __future__ import annotations

from dataclasses import dataclass

Pair = tuple[str, str]

SYNTHETIC_FEATURES: tuple[Pair, ...] = (("x1", "x1"), ("x2", "x2"))
BINARY_CLASSES: tuple[Pair, ...] = (("0", "0"), ("1", "1"))

_CANCER_MEASURES: tuple[Pair, ...] = (
    ("radius", "半径"),
    ("texture", "纹理"),
    ("perimeter", "周长"),
    ("area", "面积"),
    ("smoothness", "光滑度"),
    ("compactness", "紧凑度"),
    ("concavity", "凹度"),
    ("concave points", "凹点"),
    ("symmetry", "对称性"),
    ("fractal dimension", "分形维数"),
)
# scikit-learn's order: the ten means, their standard errors, then the "worst" (mean of the three largest)
CANCER_FEATURES: tuple[Pair, ...] = (
    *((f"mean {en}", f"{zh}均值") for en, zh in _CANCER_MEASURES),
    *((f"{en} error", f"{zh}标准误") for en, zh in _CANCER_MEASURES),
    *((f"worst {en}", f"{zh}最差值") for en, zh in _CANCER_MEASURES),
)
CANCER_CLASSES: tuple[Pair, ...] = (("malignant", "恶性"), ("benign", "良性"))
IRIS_FEATURES: tuple[Pair, ...] = (
    ("sepal length (cm)", "萼片长度（厘米）"),
    ("sepal width (cm)", "萼片宽度（厘米）"),
    ("petal length (cm)", "花瓣长度（厘米）"),
    ("petal width (cm)", "花瓣宽度（厘米）"),
)
IRIS_CLASSES: tuple[Pair, ...] = (("setosa", "山鸢尾"), ("versicolor", "变色鸢尾"), ("virginica", "维吉尼亚鸢尾"))
CLASS_FALLBACK: Pair = ("class {k}", "类别 {k}")  # an uploaded class name with nothing printable in it
PC_NAMES: tuple[Pair, Pair] = (("PC1", "主成分 1"), ("PC2", "主成分 2"))


@dataclass(frozen=True)
class DataInfo:
    """One choice of the page's data menu."""

    title: Pair
    fixed: bool  # True: N, noise and the seed do not change the data
    d: int | None
    classes: tuple[Pair, ...] | None = None
    features: tuple[Pair, ...] | None = None

    @property
    def uploaded(self) -> bool:
        return self.d is None


DATA: dict[str, DataInfo] = {
    "article": DataInfo(
        ("The tutorial's data (random labels)", "教程的数据（随机标签）"), True, 2, BINARY_CLASSES, SYNTHETIC_FEATURES
    ),
    "blobs": DataInfo(("Two separated blobs", "两团分开的点"), False, 2, BINARY_CLASSES, SYNTHETIC_FEATURES),
    "overlap": DataInfo(("Two overlapping blobs", "两团重叠的点"), False, 2, BINARY_CLASSES, SYNTHETIC_FEATURES),
    "moons": DataInfo(("Two moons", "双月形"), False, 2, BINARY_CLASSES, SYNTHETIC_FEATURES),
    "xor": DataInfo(("XOR (four quadrants)", "异或（四个象限）"), False, 2, BINARY_CLASSES, SYNTHETIC_FEATURES),
    "cancer": DataInfo(
        (
            f"Breast cancer diagnosis (real, {len(CANCER_FEATURES)} features)",
            f"乳腺癌诊断（真实数据，{len(CANCER_FEATURES)} 个特征）",
        ),
        True,
        len(CANCER_FEATURES),
        CANCER_CLASSES,
        CANCER_FEATURES,
    ),
    "iris": DataInfo(
        (f"Iris flowers (real, {len(IRIS_CLASSES)} classes)", f"鸢尾花（真实数据，{len(IRIS_CLASSES)} 类）"),
        True,
        len(IRIS_FEATURES),
        IRIS_CLASSES,
        IRIS_FEATURES,
    ),
    "csv": DataInfo(("Your own CSV file", "你自己的 CSV 文件"), True, None),
}
