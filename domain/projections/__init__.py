"""Projections: pure functions from a stored event (see `envelope.Envelope`) to read-model row changes.

One module per read model; infra/read_models/<name>.py turns the changes into SQL.
"""
