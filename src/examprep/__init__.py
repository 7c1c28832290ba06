"""examprep: an exam-prep trainer for the tobacco marketing vocational appraisal (卷烟商品营销员)."""

__version__ = "0.1.0"
