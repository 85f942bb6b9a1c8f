"""A learned attribution tagger: cues, then each cue's source and content, as token labels.

:func:`tag_text` is the pure entry point (text to predicted spans); ``engine="learned"`` and
``engine="hybrid"`` of :func:`newsledger.attribute.attribute` build Statements from its spans.
"""

from newsledger.attribute.learned.tagger import Attribution, Model, parse_model, shipped_model, tag_text

__all__ = ["Attribution", "Model", "parse_model", "shipped_model", "tag_text"]
