// Placeholder until the rule language lands.
enum RuleCompilerPlaceholder {}
