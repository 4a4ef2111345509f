import VixShieldCLI

VixShieldCommand.prepareProcess()
await VixShieldCommand.start()
