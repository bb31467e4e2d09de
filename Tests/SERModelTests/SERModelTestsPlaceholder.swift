// Tests for SERModel live here.
