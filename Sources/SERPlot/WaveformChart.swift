/// Audio samples over time, drawn as librosa's `waveshow` does: per pixel column the min…max
/// envelope of the samples it covers, so that minutes of audio draw as fast as a second.
public struct WaveformChart: Chart {
    /// Mono samples in [-1, 1].
    public var samples: [Float]
    /// Samples per second (Hz).
    public var sampleRate: Double
    /// Title drawn above the plot area (or the figure).
    public var title: String?
    /// Fill or line colour.
    public var color: Color
    /// The amplitude at the top of the y axis (the bottom is its negative); `nil`: the clip's
    /// peak + 10 %. Give every panel of a grid the same limit, so a quiet clip looks quiet.
    public var amplitudeLimit: Double?
    /// The time at the right end of the x axis (seconds); `nil`: the clip's duration. A grid
    /// gives every panel the longest duration, so that time reads the same across panels.
    public var timeLimit: Double?

    public init(
        samples: [Float], sampleRate: Double, title: String? = nil, color: Color = Color.series(0), amplitudeLimit: Double? = nil,
        timeLimit: Double? = nil
    ) {
        self.samples = samples
        self.sampleRate = sampleRate
        self.title = title
        self.color = color
        self.amplitudeLimit = amplitudeLimit
        self.timeLimit = timeLimit
    }

    /// The peak absolute sample value (0 for silence).
    public var peak: Double { Double(samples.lazy.filter(\.isFinite).map(\.magnitude).max() ?? 0) }

    /// A shared amplitude limit for several clips: the largest peak + 10 %, at most 1.
    public static func sharedLimit(_ charts: [WaveformChart]) -> Double {
        let peak = charts.map(\.peak).max() ?? 0
        return peak > 0 ? min(1, peak * 1.1) : 1
    }

    /// Duration (seconds).
    public var duration: Double { sampleRate > 0 ? Double(samples.count) / sampleRate : 0 }

    /// Min and max of the samples in each of `columns` equal slices (empty slices repeat the
    /// previous value).
    public func envelope(columns: Int) -> [(min: Float, max: Float)] {
        guard columns > 0, !samples.isEmpty else { return [] }
        var out: [(min: Float, max: Float)] = []
        out.reserveCapacity(columns)
        samples.withUnsafeBufferPointer { s in
            for c in 0..<columns {
                let start = c * s.count / columns, end = max(start + 1, (c + 1) * s.count / columns)
                var lo = Float.infinity, hi = -Float.infinity
                for i in start..<min(end, s.count) where s[i].isFinite {
                    lo = min(lo, s[i])
                    hi = max(hi, s[i])
                }
                out.append(lo <= hi ? (lo, hi) : (out.last ?? (0, 0)))
            }
        }
        return out
    }

    public func draw(on canvas: Canvas, in rect: Rect, theme: Theme) {
        let limit = amplitudeLimit ?? Self.sharedLimit([self])
        let span = max(timeLimit ?? duration, duration)
        var y = Axis.linear(-limit...limit, label: "amplitude", tickCount: 5)
        y.grid = true
        let area = PlotArea(
            in: rect, x: .linear(0...max(span, 1e-3), label: "time (s)"), y: y, title: title, canvas: canvas, theme: theme)
        area.drawBackground(on: canvas)
        // The clip fills the part of the axis its duration covers.
        let used = area.frame.width * (span > 0 ? duration / span : 1)
        let columns = max(1, Int(used.rounded()))
        let env = envelope(columns: columns)
        if !env.isEmpty {
            let step = used / Double(env.count)
            var top: [Point] = [], bottom: [Point] = []
            for (i, e) in env.enumerated() {
                let x = area.frame.minX + (Double(i) + 0.5) * step
                // At least half a point thick, so silence still shows as a line.
                let hi = area.py(Double(e.max)), lo = area.py(Double(e.min))
                top.append(Point(x: x, y: min(hi, (hi + lo) / 2 - 0.25)))
                bottom.append(Point(x: x, y: max(lo, (hi + lo) / 2 + 0.25)))
            }
            canvas.clipped(to: area.frame) {
                canvas.fillPolygon(top + bottom.reversed(), color)
            }
        }
        area.drawAxes(on: canvas)
    }
}
