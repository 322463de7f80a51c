import AnchorageCore
import AnchoragePlan
import Testing

@Suite struct PlannerTests {}
