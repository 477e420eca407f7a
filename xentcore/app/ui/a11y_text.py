"""Text of the accessibility aids: the reduced-motion setting and a chart's data table."""

TEXT = {
    "settings.still": ("Reduce motion", "减少动态效果"),
    "settings.still.help": (
        "Nothing plays by itself and changes appear without animation; animations still play when you press Play.",
        "页面不会自动播放，变化不带过渡动画直接呈现；按下播放按钮时动画仍会播放。",
    ),
    "chart.data": ("Show the data", "显示数据"),
    "chart.failed": (
        "This chart could not be drawn in your browser; reload the page to try again. What it shows:",
        "此图无法在您的浏览器中绘制，请重新加载页面再试。图中内容：",
    ),
    "chart.data.help": (
        "The numbers behind this chart, as a table (for screen readers, or to read exact values).",
        "以表格列出此图背后的数值（便于读屏软件读取，或查看精确数值）。",
    ),
}
