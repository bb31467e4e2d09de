// Tests for SERPlot live here.
