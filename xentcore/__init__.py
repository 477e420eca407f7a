"""xentcore: the tested numpy core behind the xent cross-entropy explorer."""

from xentcore.info import (
    cross_entropy,
    entropy,
    js_divergence,
    kl_divergence,
    normalize,
    self_information,
)

__all__ = ["cross_entropy", "entropy", "js_divergence", "kl_divergence", "normalize", "self_information"]
