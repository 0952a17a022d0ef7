"""Article files -> passages with ids and exact character offsets, and citation ids as users
type them. Imports ``text`` and the models."""
