// AnchorageCore: see Package.swift.
