enum SERFeaturesModule {}
