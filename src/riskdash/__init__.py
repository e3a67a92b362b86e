"""riskdash: work-safety (安全生产) risk analytics for city, county and township officials."""

__version__ = "0.1.0"
