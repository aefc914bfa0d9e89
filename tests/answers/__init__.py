"""The fans' question set (issue 9): invented articles, questions, and the scoring test."""
