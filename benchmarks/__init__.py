"""Speed budgets, measured: ``python -m benchmarks`` prints each figure, its budget, and pass or fail."""
