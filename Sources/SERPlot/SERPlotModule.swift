enum SERPlotModule {}
