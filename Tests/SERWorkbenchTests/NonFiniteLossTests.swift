import Testing
@testable import SERWorkbench

/// #16 item 9 (training side): a loss that stops being a number ends the run as failed with
/// the epoch and the value, instead of training on NaN weights until a NOT NULL constraint
/// stops it.
@Suite struct NonFiniteLossTests {
    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func aNonFiniteLossStopsTheRun(_ loss: Double) {
        #expect {
            try RunExecutor.checkFinite(loss: loss, epoch: 7)
        } throws: { error in
            "\(error)".contains("epoch 7") && "\(error)".contains("\(loss)") && "\(error)".contains("not a finite number")
        }
    }

    @Test func aFiniteLossPasses() throws {
        try RunExecutor.checkFinite(loss: 1.2, epoch: 1)
        try RunExecutor.checkFinite(loss: 0, epoch: 2)
    }
}
