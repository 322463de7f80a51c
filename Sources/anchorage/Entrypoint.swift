import AnchorageCLI

@main
struct Entrypoint {
    static func main() async {
        await AnchorageCommand.main()
    }
}
