"""Survei Kepuasan Masyarakat (PermenPANRB 14/2017): the questionnaire, anonymous
responses, the index (IKM) computed exactly, and the minimum sample."""
