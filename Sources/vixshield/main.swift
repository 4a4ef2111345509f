import VixShieldCLI

VixShieldCommand.main()
