enum SERAudioModule {}
