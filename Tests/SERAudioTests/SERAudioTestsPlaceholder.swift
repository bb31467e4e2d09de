// Tests for SERAudio live here.
