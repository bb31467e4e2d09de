// Tests for SERFeatures live here.
