import SERCLI

SERMain.run()
