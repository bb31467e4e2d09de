extension ModelConfig {
    /// Checks every field's range.
    ///
    /// - Throws: ``ModelError`` with code `invalidConfig` naming the first bad field.
    public func validate() throws(ModelError) {
        func fail(_ reason: String) -> ModelError { ModelError(.invalidConfig, reason) }
        guard inputDims > 0 else { throw fail("inputDims must be > 0 (got \(inputDims))") }
        guard classCount >= 2 else { throw fail("classCount must be ≥ 2 (got \(classCount))") }
        guard !lstmUnits.isEmpty else { throw fail("lstmUnits must name at least one LSTM layer") }
        guard lstmUnits.allSatisfy({ $0 > 0 }) else { throw fail("lstmUnits must all be > 0 (got \(lstmUnits))") }
        guard convChannels.allSatisfy({ $0 > 0 }) else { throw fail("convChannels must all be > 0 (got \(convChannels))") }
        if let problem = Self.convKernelProblem(convKernel) { throw fail("convKernel \(problem)") }
        guard denseUnits.allSatisfy({ $0 > 0 }) else { throw fail("denseUnits must all be > 0 (got \(denseUnits))") }
        guard (0..<1).contains(dropout) else { throw fail("dropout must be in [0, 1) (got \(dropout))") }
        guard (0..<1).contains(recurrentDropout) else {
            throw fail("recurrentDropout must be in [0, 1) (got \(recurrentDropout))")
        }
        guard maxFrames > 0 else { throw fail("maxFrames must be > 0 (got \(maxFrames))") }
        guard batchSize > 0 else { throw fail("batchSize must be > 0 (got \(batchSize))") }
        guard (0..<1).contains(labelSmoothing) else {
            throw fail("labelSmoothing must be in [0, 1) (got \(labelSmoothing))")
        }
        guard mixup >= 0, mixup <= 100, mixup.isFinite else { throw fail("mixup α must be in [0, 100] (got \(mixup))") }
        if let distillation, !(distillation > 0 && distillation <= 1) {
            throw fail("distillation must be in (0, 1] (got \(distillation))")
        }
        if let clipNorm, !(clipNorm > 0 && clipNorm.isFinite) {
            throw fail("clipNorm must be a finite value > 0 (got \(clipNorm))")
        }
        if let classWeights {
            guard classWeights.count == classCount else {
                throw fail("classWeights has \(classWeights.count) values for \(classCount) classes")
            }
            guard classWeights.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
                throw fail("classWeights must be finite and ≥ 0")
            }
        }
        let o = optimizer
        guard o.learningRate > 0, o.learningRate.isFinite else {
            throw fail("optimizer.learningRate must be a finite value > 0 (got \(o.learningRate))")
        }
        guard (0..<1).contains(o.beta1), (0..<1).contains(o.beta2) else {
            throw fail("optimizer.beta1 and beta2 must be in [0, 1)")
        }
        guard o.epsilon > 0 else { throw fail("optimizer.epsilon must be > 0 (got \(o.epsilon))") }
        guard o.weightDecay >= 0, o.weightDecay.isFinite else {
            throw fail("optimizer.weightDecay must be ≥ 0 (got \(o.weightDecay))")
        }
        guard (0..<1).contains(o.momentum) else { throw fail("optimizer.momentum must be in [0, 1)") }
        if let mu = o.emaMomentum, !(mu > 0 && mu < 1) {
            throw fail("optimizer.emaMomentum must be in (0, 1) (got \(mu))")
        }
        switch schedule {
        case .constant:
            break
        case .step(let every, let factor):
            guard every > 0, factor > 0 else { throw fail("schedule.step needs every > 0 and factor > 0") }
        case .cosine(let epochs, let minRate):
            guard epochs > 0, minRate >= 0 else { throw fail("schedule.cosine needs epochs > 0 and minRate ≥ 0") }
        case .reduceOnPlateau(let factor, let patience, let minDelta, let minRate):
            guard factor > 0, factor < 1, patience >= 0, minDelta >= 0, minRate >= 0 else {
                throw fail("schedule.reduceOnPlateau needs 0 < factor < 1, patience ≥ 0, minDelta ≥ 0, minRate ≥ 0")
            }
        }
    }
}
