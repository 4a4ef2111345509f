import VixShieldCLI

await VixShieldCommand.start()
