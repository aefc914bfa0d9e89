"""The fans' question set (issue 9): invented articles, the questions, and the test that scores them."""
