"""Built-in document-level rules written in Python; wording rules live as YAML in the top-level rules/."""
