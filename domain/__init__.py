"""Pure domain: event types, codebook vocabulary, extraction and projection logic. No I/O."""
