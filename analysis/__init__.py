"""framing-lab: media-bias and framing analysis of news articles.

Each stage is a pure function of its input, and every offset points into the original
decoded text. See the README for the public API and the data flow.
"""
