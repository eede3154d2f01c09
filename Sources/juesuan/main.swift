import JuesuanCommandLine

exitProcess(CommandLine.run(arguments: Array(Swift.CommandLine.arguments.dropFirst())))
