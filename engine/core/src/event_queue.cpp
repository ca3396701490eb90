// Implemented by the engine/core author.
