"""tinyml: small, readable implementations of well-known training tricks."""
