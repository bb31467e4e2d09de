/// The version of `ser` recorded in every database it writes and every run's provenance.
public enum SERVersion {
    /// Semantic version of this build.
    public static let string = "0.1.0"
}
