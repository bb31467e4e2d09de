enum SERModelModule {}
