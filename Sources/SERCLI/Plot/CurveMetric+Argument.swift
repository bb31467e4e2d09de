import SERCore
import SERWorkbench
public import ArgumentParser
public import SERReports

extension CurveMetric: ExpressibleByArgument {}
